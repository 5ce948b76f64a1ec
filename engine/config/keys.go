package config

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// indexString formats a count index as in an address: [0].
func indexString(i int) string { return "[" + strconv.Itoa(i) + "]" }

// keyString formats a for_each key as in an address: ["key"], quoted the
// way Terraform prints addresses, with HCL's string escapes (\" \\ \n \r
// \t, \uXXXX or \UXXXXXXXX for other unprintable characters, and ${ and
// %{ doubled to $${ and %%{), so that the address parses back as HCL.
func keyString(k string) string {
	var b strings.Builder
	b.Grow(len(k) + 4)
	b.WriteString(`["`)
	for i, r := range k {
		switch r {
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '$', '%':
			b.WriteRune(r)
			if strings.HasPrefix(k[i+1:], "{") {
				b.WriteRune(r)
			}
		default:
			switch {
			case unicode.IsPrint(r):
				b.WriteRune(r)
			case r < 0x10000:
				fmt.Fprintf(&b, `\u%04x`, r)
			default:
				fmt.Fprintf(&b, `\U%08x`, r)
			}
		}
	}
	b.WriteString(`"]`)
	return b.String()
}
