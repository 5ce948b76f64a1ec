package gcp

import (
	"slices"
	"strings"
	"sync"

	"github.com/shopspring/decimal"
)

// MachineType is the shape of a predefined Compute Engine machine type, as
// Google bills it: per vCPU and per GB of memory of its family.
type MachineType struct {
	Name   string
	Family string // the name's first part: n2 of n2-standard-2
	// VCPUs are the billed vCPUs: for the shared-core e2-micro, e2-small
	// and e2-medium a fraction (0.25, 0.5, 1) of their two vCPUs.
	VCPUs    decimal.Decimal
	MemoryGB decimal.Decimal
	// LocalSSDGB is the local SSD bundled with the -lssd types, and GPUs
	// the accelerators of the accelerator-optimized ones; both are billed
	// in the machine's price, not by the family's vCPU and memory prices.
	LocalSSDGB int
	GPUs       decimal.Decimal // g4 types have shares of one GPU
}

// Bundled reports whether the machine's price includes more than vCPUs
// and memory.
func (m MachineType) Bundled() bool { return m.LocalSSDGB > 0 || m.GPUs.IsPositive() }

// machineShape is one row of machineTable (generated).
type machineShape struct {
	name, vcpus, memoryGB string
	localSSDGB            int
	gpus                  string
}

var machineTypes = sync.OnceValue(func() map[string]MachineType {
	out := make(map[string]MachineType, len(machineTable))
	for _, s := range machineTable {
		family, _, _ := strings.Cut(s.name, "-")
		out[s.name] = MachineType{
			Name: s.name, Family: family,
			VCPUs: decimal.RequireFromString(s.vcpus), MemoryGB: decimal.RequireFromString(s.memoryGB),
			LocalSSDGB: s.localSSDGB, GPUs: decimal.RequireFromString(s.gpus),
		}
	}
	return out
})

// LookupMachineType returns a predefined machine type's shape.
func LookupMachineType(name string) (MachineType, bool) {
	m, ok := machineTypes()[name]
	return m, ok
}

// MachineTypes lists the predefined machine types tollgate knows, sorted by
// name.
func MachineTypes() []MachineType {
	m := machineTypes()
	out := make([]MachineType, 0, len(m))
	for _, t := range m {
		out = append(out, t)
	}
	slices.SortFunc(out, func(a, b MachineType) int { return strings.Compare(a.Name, b.Name) })
	return out
}
