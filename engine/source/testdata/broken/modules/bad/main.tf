resource "aws_instance" "x" {
  ami = = "y"
}
