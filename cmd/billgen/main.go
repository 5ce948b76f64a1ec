// Command billgen writes the inputs of the reconcile benchmark into a
// directory: a FOCUS CSV bill of -rows hourly lines for -resources EC2
// instances (bill.csv), and a plan (plan.json) and applied state
// (state.json) that create those instances, for tollgate record.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/tollgate-dev/tollgate/engine/reconcile/billing/billingtest"
)

func main() {
	rows := flag.Int("rows", 5_000_000, "lines of the bill")
	resources := flag.Int("resources", 20_000, "instances billed and planned")
	dir := flag.String("dir", ".", "directory to write bill.csv, plan.json and state.json into")
	flag.Parse()
	if err := write(*dir, *rows, *resources); err != nil {
		fmt.Fprintln(os.Stderr, "billgen:", err)
		os.Exit(1)
	}
}

func write(dir string, rows, resources int) error {
	ids := make([]string, resources)
	for i := range ids {
		ids[i] = fmt.Sprintf("i-%017x", i+1)
	}
	if err := writeFile(filepath.Join(dir, "bill.csv"), func(w *bufio.Writer) error {
		_, err := billingtest.WriteFOCUS(w, billingtest.Spec{Rows: rows, IDs: ids})
		return err
	}); err != nil {
		return err
	}
	if err := writeFile(filepath.Join(dir, "plan.json"), func(w *bufio.Writer) error {
		fmt.Fprint(w, `{"format_version":"1.2","terraform_version":"1.9.8","resource_changes":[`)
		for i := range ids {
			if i > 0 {
				w.WriteByte(',')
			}
			fmt.Fprintf(w, `{"address":"aws_instance.bench[%d]","mode":"managed","type":"aws_instance","name":"bench","index":%d,`+
				`"provider_name":"registry.terraform.io/hashicorp/aws","change":{"actions":["create"],"before":null,`+
				`"after":{"instance_type":"m5.large","tenancy":"default"},"after_unknown":{"id":true}}}`, i, i)
		}
		fmt.Fprint(w, `],"configuration":{"provider_config":{"aws":{"name":"aws","expressions":{"region":{"constant_value":"us-east-1"}}}},`+
			`"root_module":{"resources":[{"address":"aws_instance.bench","mode":"managed","type":"aws_instance","name":"bench","provider_config_key":"aws"}]}}}`)
		return nil
	}); err != nil {
		return err
	}
	return writeFile(filepath.Join(dir, "state.json"), func(w *bufio.Writer) error {
		fmt.Fprint(w, `{"format_version":"1.0","terraform_version":"1.9.8","values":{"root_module":{"resources":[`)
		for i, id := range ids {
			if i > 0 {
				w.WriteByte(',')
			}
			fmt.Fprintf(w, `{"address":"aws_instance.bench[%d]","mode":"managed","type":"aws_instance","name":"bench","index":%d,`+
				`"provider_name":"registry.terraform.io/hashicorp/aws","values":{"id":%q,"instance_type":"m5.large"}}`, i, i, id)
		}
		fmt.Fprint(w, `]}}}`)
		return nil
	})
}

func writeFile(path string, fill func(*bufio.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	if err := fill(w); err != nil {
		f.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
