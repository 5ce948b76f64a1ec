resource "aws_instance" "ok" {
  ami = "x"
}

module "bad" {
  source = "./modules/bad"
}
