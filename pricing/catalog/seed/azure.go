package seed

import (
	"io/fs"
	"strings"
)

const azureFile = "azure/vm_linux_ondemand_hourly_by_region.tsv"

// addAzure adds azure-vm vm/<armSkuName>/linux per armRegionName. The
// file also holds dedicated-host SKUs (e.g. DCadsv6_Type1), which are not
// VM sizes, and zero prices for SKUs the price list shows but does not
// sell; both are left out.
func addAzure(fsys fs.FS, s *sink) error {
	t, err := readTable(fsys, azureFile, "region", "arm_sku_name", "linux")
	if err != nil {
		return err
	}
	zeros := 0
	for _, r := range t.rows {
		sku := t.get(r, "arm_sku_name")
		if !strings.HasPrefix(sku, "Standard_") && !strings.HasPrefix(sku, "Basic_") {
			continue
		}
		p, ok, err := t.price(r, "linux")
		if err != nil {
			return err
		}
		if !ok {
			continue
		}
		if p.IsZero() {
			zeros++
			continue
		}
		if err := s.add("azure-vm", t.get(r, "region"), "vm/"+sku+"/linux", p, "hours", "azure-vm"); err != nil {
			return err
		}
	}
	if zeros > 0 {
		s.note("azure-vm: left out %d zero prices (%s)", zeros, azureFile)
	}
	return nil
}
