# A .tf.json file next to native ones, and override files merged the way
# Terraform merges them.
resource "aws_instance" "native" {
  ami           = "ami-1"
  instance_type = "t3.micro"
  monitoring    = true
  root_block_device {
    volume_size = 8
  }
  ebs_block_device {
    device_name = "/dev/sdb"
  }
}
