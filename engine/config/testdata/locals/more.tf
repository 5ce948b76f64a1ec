locals {
  project    = "shop"
  disk_sizes = [50, 100, 150]
  scale      = 2
}
