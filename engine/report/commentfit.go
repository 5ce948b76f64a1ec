package report

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// section is a run of parts (table rows, list items, paragraphs) under a
// head (a heading, a table's header, a <details> opening) and above a foot
// (closing it). Head and foot show only while a part does, so that a body
// cut between two parts is still valid Markdown with balanced tags.
type section struct {
	head, foot string
	parts      []string
	// rank orders the cuts: parts go from the end of the lowest-ranked
	// sections first.
	rank int
	kind kind // what a part is, for the cut note
	// tail counts the last parts that are no item of kind ("… and 3
	// more").
	tail int
}

// Ranks of sections, least important first.
const (
	rankComponents = iota + 1
	rankMore       // rows beyond a table's first ones, unpriced list
	rankNotes      // waivers, notes, free resources
	rankInfo
	rankWarn
	rankResources
	rankDeny
	rankFooter
	rankHeadline
)

// kind names what the parts of a section are, for the cut note.
type kind struct{ one, many string }

var (
	kindResource   = kind{"changed resource", "changed resources"}
	kindFinding    = kind{"finding", "findings"}
	kindUnpriced   = kind{"unpriced resource", "unpriced resources"}
	kindComponents = kind{"resource's cost components", "resources' cost components"}
	kindWaiver     = kind{"waiver", "waivers"}
	kindNote       = kind{"note", "notes"}
	kindFooter     = kind{"price date line", "price date lines"}
)

// cutAdvice ends the cut note.
const cutAdvice = "See the job log or the SARIF/JSON artifacts for the full result."

// fit renders the marker and the sections in at most limit characters
// (code points, as GitHub counts them). When they do not fit, it drops
// parts from the end of the lowest-ranked sections until they do, and puts
// a note of what it left out before section noteAt.
func fit(marker string, secs []section, noteAt, limit int) string {
	size := func(s string) int { return utf8.RuneCountInString(s) }
	kept := make([]int, len(secs))
	partSize := make([][]int, len(secs))
	if marker != "" {
		marker += "\n"
	}
	total := size(marker)
	for i, s := range secs {
		kept[i] = len(s.parts)
		partSize[i] = make([]int, len(s.parts))
		for k, p := range s.parts {
			partSize[i][k] = size(p)
			total += partSize[i][k]
		}
		if len(s.parts) > 0 {
			total += size(s.head) + size(s.foot)
		}
	}
	note := ""
	over := func() bool {
		note = cutNote(secs, kept)
		return total+size(note) > limit
	}
	if over() {
		order := make([]int, len(secs))
		for i := range order {
			order[i] = i
		}
		slices.SortStableFunc(order, func(a, b int) int {
			if secs[a].rank != secs[b].rank {
				return secs[a].rank - secs[b].rank
			}
			return b - a // later sections first
		})
		for _, i := range order {
			for kept[i] > 0 && over() {
				kept[i]--
				total -= partSize[i][kept[i]]
				if kept[i] == 0 {
					total -= size(secs[i].head) + size(secs[i].foot)
				}
			}
			if !over() {
				break
			}
		}
		if over() {
			// Not even the marker and the note fit: the marker alone.
			return marker
		}
	}
	var b strings.Builder
	b.Grow(total + len(note))
	b.WriteString(marker)
	for i, s := range secs {
		if i == noteAt {
			b.WriteString(note)
		}
		if kept[i] == 0 {
			continue
		}
		b.WriteString(s.head)
		for _, p := range s.parts[:kept[i]] {
			b.WriteString(p)
		}
		b.WriteString(s.foot)
	}
	if noteAt >= len(secs) {
		b.WriteString(note)
	}
	// Plans and policies may hold invalid UTF-8; a replacement character
	// never counts for more than what it replaces.
	return strings.ToValidUTF8(b.String(), "\uFFFD")
}

// cutNote says what the cut left out, by kind in the order the body shows
// them: "1,234 changed resources and 56 findings"; empty when nothing was.
func cutNote(secs []section, kept []int) string {
	var kinds []kind
	counts := map[kind]int{}
	for i, s := range secs {
		n := len(s.parts) - kept[i]
		n -= min(n, s.tail)
		if n == 0 {
			continue
		}
		if _, ok := counts[s.kind]; !ok {
			kinds = append(kinds, s.kind)
		}
		counts[s.kind] += n
	}
	if len(kinds) == 0 {
		return ""
	}
	items := make([]string, 0, len(kinds))
	for _, k := range kinds {
		n := counts[k]
		switch {
		case k.one == "":
			items = append(items, "some of the headline")
		case n == 1:
			items = append(items, "1 "+k.one)
		default:
			items = append(items, thousands(strconv.Itoa(n))+" "+k.many)
		}
	}
	list := items[0]
	if len(items) > 1 {
		list = strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
	}
	return "\n> ✂️ **The full result did not fit in a comment**; left out: " + list + ". " + cutAdvice + "\n"
}
