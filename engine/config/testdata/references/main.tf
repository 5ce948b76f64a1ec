# References between resources: configured attributes are known,
# computed ones unknown; splats, indexes and whole-resource references.
resource "aws_launch_template" "lt" {
  name_prefix   = "app-"
  image_id      = "ami-1"
  instance_type = "c5.large"
  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      volume_size = 30
    }
  }
}

resource "aws_autoscaling_group" "asg" {
  name             = "${aws_launch_template.lt.name_prefix}asg"
  min_size         = 2
  max_size         = 4
  desired_capacity = 3
  launch_template {
    id      = aws_launch_template.lt.id
    version = aws_launch_template.lt.latest_version
  }
  tag {
    key   = "type"
    value = aws_launch_template.lt.instance_type
  }
}

resource "aws_instance" "web" {
  count         = 2
  ami           = aws_launch_template.lt.image_id
  instance_type = "t3.micro"
  root_block_device {
    volume_size = aws_launch_template.lt.block_device_mappings[0].ebs[0].volume_size + count.index
  }
}

resource "aws_eip" "web" {
  count    = 2
  instance = aws_instance.web[count.index].id
  tags = {
    Type    = aws_instance.web[count.index].instance_type
    First   = aws_instance.web[0].instance_type
    AllAmis = join(",", aws_instance.web[*].ami)
    VolId   = aws_instance.web[0].root_block_device[0].volume_id
  }
}

resource "aws_lb" "lb" {
  name            = "lb"
  subnets         = aws_instance.web[*].subnet_id
  security_groups = [for i in aws_instance.web : i.vpc_security_group_ids]
  tags = {
    Count = tostring(length(aws_instance.web))
  }
}

data "aws_ami" "ubuntu" {
  count       = 2
  most_recent = true
}

resource "aws_instance" "from_data" {
  ami           = data.aws_ami.ubuntu[1].id
  instance_type = "t3.micro"
  tags = {
    Ids = join(",", data.aws_ami.ubuntu[*].id)
  }
}
