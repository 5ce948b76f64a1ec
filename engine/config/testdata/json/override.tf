resource "aws_instance" "native" {
  instance_type = "m5.large"
  root_block_device {
    volume_size = 100
    volume_type = "gp3"
  }
}
