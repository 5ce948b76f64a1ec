package seed

import (
	"io/fs"
	"strings"

	"github.com/shopspring/decimal"
)

const (
	ec2File       = "aws/ec2_ondemand_hourly_by_region.tsv"
	karpenterFile = "aws/ec2_linux_ondemand_us-east-1_karpenter.tsv"
	rdsFile       = "aws/rds_ondemand_hourly_by_region.tsv"
)

// ec2OS maps the EC2 file's columns to the catalog's os names.
var ec2OS = []struct{ column, os string }{
	{"linux", "linux"}, {"windows", "windows"}, {"rhel", "rhel"}, {"sles", "suse"},
}

// linuxPrices is EC2 Linux on-demand prices by region and instance type,
// from one snapshot, for comparing regions.
type linuxPrices map[string]map[string]decimal.Decimal

// addEC2 adds aws-ec2 instance/<type>/<os> for every region and os. For
// us-east-1 Linux the newer Karpenter snapshot wins, except for bare
// metal: Karpenter queries metal with tenancy=Dedicated, so its metal
// prices are dedicated-host prices, not the shared-tenancy ones the key
// means.
func addEC2(fsys fs.FS, s *sink) (linuxPrices, error) {
	karp, err := readTable(fsys, karpenterFile, "instance_type", "region", "linux")
	if err != nil {
		return nil, err
	}
	newer := map[string]decimal.Decimal{}
	for _, r := range karp.rows {
		typ := karp.get(r, "instance_type")
		if karp.get(r, "region") != "us-east-1" || isMetal(typ) {
			continue
		}
		p, ok, err := karp.price(r, "linux")
		if err != nil {
			return nil, err
		}
		if ok {
			newer[typ] = p
		}
	}

	t, err := readTable(fsys, ec2File, "instance_type", "region", "linux", "windows", "rhel", "sles")
	if err != nil {
		return nil, err
	}
	linux := linuxPrices{}
	for _, r := range t.rows {
		typ, region := t.get(r, "instance_type"), t.get(r, "region")
		for _, o := range ec2OS {
			p, ok, err := t.price(r, o.column)
			if err != nil {
				return nil, err
			}
			if !ok {
				continue
			}
			if o.os == "linux" {
				if linux[region] == nil {
					linux[region] = map[string]decimal.Decimal{}
				}
				linux[region][typ] = p
			}
			source := "aws-ec2"
			if q, ok := newer[typ]; ok && region == "us-east-1" && o.os == "linux" {
				p, source = q, "aws-ec2-karpenter"
			}
			if err := s.add("aws-ec2", region, "instance/"+typ+"/"+o.os, p, "hours", source); err != nil {
				return nil, err
			}
		}
	}
	// Types only the newer snapshot has (8th and 9th generation families).
	for _, r := range karp.rows {
		typ := karp.get(r, "instance_type")
		p, ok := newer[typ]
		if !ok || s.has("aws-ec2", "us-east-1", "instance/"+typ+"/linux") {
			continue
		}
		if err := s.add("aws-ec2", "us-east-1", "instance/"+typ+"/linux", p, "hours", "aws-ec2-karpenter"); err != nil {
			return nil, err
		}
	}
	return linux, nil
}

func isMetal(instanceType string) bool {
	return strings.Contains(instanceType, ".metal")
}

// rdsEngines maps the RDS file's columns to the catalog's engine names.
var rdsEngines = []struct{ column, engine string }{
	{"mysql", "mysql"}, {"postgresql", "postgres"}, {"mariadb", "mariadb"},
	{"aurora_mysql", "aurora-mysql"}, {"aurora_postgresql", "aurora-postgresql"},
	{"oracle", "oracle"}, {"sql_server", "sqlserver"}, {"db2", "db2"},
}

// addRDS adds aws-rds instance/<class>/<engine> (Single-AZ) for every
// region. Oracle, SQL Server and Db2 fold editions and licence models into
// one price in the source; they are indicative only.
func addRDS(fsys fs.FS, s *sink) error {
	cols := []string{"instance_class", "region"}
	for _, e := range rdsEngines {
		cols = append(cols, e.column)
	}
	t, err := readTable(fsys, rdsFile, cols...)
	if err != nil {
		return err
	}
	for _, r := range t.rows {
		class, region := t.get(r, "instance_class"), t.get(r, "region")
		for _, e := range rdsEngines {
			p, ok, err := t.price(r, e.column)
			if err != nil {
				return err
			}
			if !ok {
				continue
			}
			if err := s.add("aws-rds", region, "instance/"+class+"/"+e.engine, p, "hours", "aws-rds"); err != nil {
				return err
			}
		}
	}
	return nil
}
