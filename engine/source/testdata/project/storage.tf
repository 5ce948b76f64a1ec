variable "bucket" {
  # tollgate:waive on a variable, which is no resource
  default = "logs"
}

resource "aws_s3_bucket" "logs" {
  bucket = var.bucket
} # tollgate:waive trailing the block above, so on no block
resource "aws_s3_bucket" "data" {
  /*
   * tollgate:waive required-tags reason="a" owner=b expires=2027-01-01
   * tollgate:waive encryption reason="c" owner=d expires=2027-01-01
   */
  bucket = "data"
  lifecycle {
    prevent_destroy = true # tollgate:waive deep reason="nested" owner=e expires=2027-01-01
  }
}

# Not a directive: tollgate: must start the text.
// tollgate:waive slash-comment reason="x" owner=y expires=2027-01-01
resource "aws_s3_bucket" "tmp" {
  bucket = "tmp"
}
