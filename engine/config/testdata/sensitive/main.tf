# Sensitive variables, outputs and sensitive() values are redacted where
# they land; the rest of a value stays readable.
variable "password" {
  type      = string
  sensitive = true
  default   = "hunter2"
}

variable "settings" {
  type = object({ size = number, token = string })
  default = {
    size  = 20
    token = "abc"
  }
}

module "secret" {
  source = "./secret"
}

resource "aws_db_instance" "db" {
  instance_class    = "db.t3.micro"
  allocated_storage = var.settings.size
  password          = var.password
  username          = module.secret.user
  tags = {
    Token  = sensitive(var.settings.token)
    Public = "yes"
  }
  parameters = [var.password, "plain"]
  plain_copy = nonsensitive(var.password)
}
