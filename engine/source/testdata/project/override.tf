resource "aws_instance" "web" {
  # tollgate:waive from-override reason="x" owner=y expires=2027-01-01
  instance_type = "m5.xlarge"
}
