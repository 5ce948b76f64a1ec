output "user" {
  value     = "admin"
  sensitive = true
}
