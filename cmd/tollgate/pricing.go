package main

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/tollgate-dev/tollgate/engine"
	"github.com/tollgate-dev/tollgate/pricing/catalog"
)

func (c *cli) pricingCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "pricing",
		Short: "Refresh and search the price catalog",
		Long: `tollgate prices with a catalog of list prices built into the binary. With
network, pricing refresh rebuilds it from the providers' public price lists
into a cache that estimate and check then use; pricing show searches it,
to explain where an estimate's prices come from.`,
	}
	cmd.AddCommand(c.pricingRefreshCommand(), c.pricingShowCommand())
	return cmd
}

type showFlags struct {
	priceFlags
	region  string
	filters []string
	format  string
	out     string
}

func (c *cli) pricingShowCommand() *cobra.Command {
	var f showFlags
	cmd := &cobra.Command{
		Use:   "show [PROVIDER SERVICE]",
		Short: "Show prices of the catalog",
		Long: `Show lists the prices of one service of the catalog estimate would use
(see --prices and --offline), with their unit and source. Without a
service it lists the catalog's services and sources.

A service is named by provider and service (aws ec2) or by its catalog
name (aws-ec2). --filter NAME=GLOB keeps the prices whose key field NAME
matches GLOB: every key has the fields key and kind (its first part);
services name the others (instance_type and os for aws ec2, size and os
for azure vm, machine_type for gcp compute). Keys are listed in
pricing/catalog/README.md.`,
		Example: `  tollgate pricing show
  tollgate pricing show aws ec2 --region eu-west-1 --filter instance_type=m5.*
  tollgate pricing show aws rds --filter engine=postgres --filter instance_class=db.t3.*
  tollgate pricing show azure vm --region westeurope --filter size=Standard_D2s_v5 --format json`,
		Args: cobra.MaximumNArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := c.pricingShow(args, f); err != nil {
				return &exitError{code: exitFailed, err: err}
			}
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.region, "region", "", "only prices of `REGION` (with those it borrows from its twin region)")
	fl.StringArrayVar(&f.filters, "filter", nil, "keep prices whose key field matches: `NAME=GLOB` (repeatable)")
	fl.StringVar(&f.format, "format", "table", "output format: table or json")
	fl.StringVarP(&f.out, "out", "o", "", "write the output to `FILE` instead of standard output")
	f.priceFlags.register(fl)
	return cmd
}

func (c *cli) pricingShow(args []string, f showFlags) error {
	if f.format != "table" && f.format != "json" {
		return fmt.Errorf("--format %q: want table or json", f.format)
	}
	cat, name, err := c.openCatalog(f.priceFlags)
	if err != nil {
		return err
	}
	services, err := cat.Services()
	if err != nil {
		return err
	}
	if len(args) == 0 {
		if f.region != "" || len(f.filters) > 0 {
			return fmt.Errorf("--region and --filter search one service: name it, e.g. tollgate pricing show aws ec2")
		}
		return c.writeOutput(f.out, func(w io.Writer, _ bool) error { return writeServices(w, f.format, name, cat, services) }, true)
	}
	svc := strings.Join(args, "-")
	if !slices.Contains(services, svc) {
		return fmt.Errorf("the catalog has no service %q: it has %s", strings.Join(args, " "), strings.Join(services, ", "))
	}
	q := catalog.Query{Service: svc, Region: f.region, Filters: map[string]string{}}
	for _, flt := range f.filters {
		k, v, ok := strings.Cut(flt, "=")
		if !ok || k == "" {
			return fmt.Errorf("--filter %q: want NAME=GLOB, e.g. instance_type=m5.*", flt)
		}
		q.Filters[k] = v
	}
	matches, err := cat.Search(q)
	if err != nil {
		return err
	}
	return c.writeOutput(f.out, func(w io.Writer, _ bool) error { return writePrices(w, f.format, name, cat, svc, matches) }, true)
}

// priceDoc is one price of pricing show --format json.
type priceDoc struct {
	Region        string `json:"region"`
	Key           string `json:"key"`
	Price         string `json:"price"`
	Unit          string `json:"unit"`
	Source        string `json:"source"`
	PricedAsOf    string `json:"priced_as_of"`
	Approximation string `json:"approximation,omitempty"`
}

func writePrices(w io.Writer, format, catName string, cat *catalog.Catalog, svc string, matches []catalog.Match) error {
	if format == "json" {
		doc := struct {
			Catalog  string     `json:"catalog"`
			Service  string     `json:"service"`
			Currency string     `json:"currency"`
			Prices   []priceDoc `json:"prices"`
		}{catName, svc, "USD", make([]priceDoc, 0, len(matches))}
		for _, m := range matches {
			src, _ := cat.Source(m.Price.Source)
			doc.Prices = append(doc.Prices, priceDoc{m.Region, m.Key, m.Price.Amount.String(), m.Price.Unit, m.Price.Source, src.PricedAsOf, m.Price.Approximation})
		}
		return writeJSON(w, doc)
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "REGION\tKEY\tUSD\tPER\tSOURCE")
	for _, m := range matches {
		src, _ := cat.Source(m.Price.Source)
		from := m.Price.Source + " " + src.PricedAsOf
		if m.Price.Approximation != "" {
			from += " ~"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", m.Region, m.Key, m.Price.Amount, m.Price.Unit, from)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "\n%d %s from the %s.\n", len(matches), plural(len(matches), "price", "prices"), catalogPhrase(catName))
	seen := map[string]bool{}
	for _, m := range matches {
		if a := m.Price.Approximation; a != "" && !seen[a] {
			seen[a] = true
			fmt.Fprintf(w, "~ borrowed: %s\n", a)
		}
	}
	return nil
}

func writeServices(w io.Writer, format, catName string, cat *catalog.Catalog, services []string) error {
	if format == "json" {
		type sourceDoc struct {
			ID         string `json:"id"`
			PricedAsOf string `json:"priced_as_of"`
			Name       string `json:"name"`
			Origin     string `json:"origin"`
			License    string `json:"license"`
		}
		doc := struct {
			Catalog  string      `json:"catalog"`
			Services []string    `json:"services"`
			Sources  []sourceDoc `json:"sources"`
		}{Catalog: catName, Services: services, Sources: []sourceDoc{}}
		for _, s := range cat.Sources() {
			doc.Sources = append(doc.Sources, sourceDoc{s.ID, s.PricedAsOf, s.Name, s.Origin, s.License})
		}
		return writeJSON(w, doc)
	}
	fmt.Fprintf(w, "The %s has prices for:\n  %s\n\nSources:\n", catalogPhrase(catName), strings.Join(services, ", "))
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, s := range cat.Sources() {
		fmt.Fprintf(tw, "  %s\t%s\t%s\n", s.ID, s.PricedAsOf, s.Name)
	}
	return tw.Flush()
}

// catalogPhrase names a catalog in a sentence.
func catalogPhrase(name string) string {
	if name == engine.EmbeddedCatalog {
		return "embedded catalog"
	}
	return "catalog " + name
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
