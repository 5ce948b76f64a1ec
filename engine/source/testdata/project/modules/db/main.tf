variable "size" {
  default = "db.t3.micro"
}

resource "aws_db_instance" "main" {
  # tollgate:waive required-tags reason="db tags come later" owner=dba expires=2027-03-31
  instance_class = var.size
  count          = 3
}
