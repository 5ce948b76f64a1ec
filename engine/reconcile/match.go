package reconcile

import (
	"fmt"
	"strings"

	"github.com/tollgate-dev/tollgate/engine/reconcile/billing"
)

// How a charge was matched to a resource.
const (
	matchedByID  = "id"
	matchedByTag = "tag"
)

// noMatch marks an unmatched or ambiguous key.
const noMatch = -1

// index finds the predicted resource a bill charge belongs to. It is built
// once from the predictions and caches what each billed id resolved to, so
// matching costs a map lookup per charge however many predictions there
// are.
type index struct {
	// exact maps normalized cloud ids (see idKey) to resources.
	exact map[string]int
	// tails maps the resource part of predicted ARNs to resources, for
	// bills that name the resource by its bare id; noMatch when two
	// resources share it.
	tails map[string]int
	// addresses maps Terraform addresses to resources; noMatch when
	// repositories share one.
	addresses map[string]int
	tagKey    string // normalized address tag key
	ids       map[string]int
	// lastID and lastMatch skip the lookup for runs of one resource's
	// charges, as readers that sum by resource give them.
	lastID    string
	lastMatch int
	tagKeys   map[string]bool
	// notes say which ids several resources claimed.
	notes []string
}

func newIndex(rs []*tracked, addressTag string) *index {
	ix := &index{
		exact:     map[string]int{},
		tails:     map[string]int{},
		addresses: map[string]int{},
		tagKey:    normalizeTagKey(addressTag),
		ids:       map[string]int{},
		tagKeys:   map[string]bool{},
	}
	for i, r := range rs {
		for _, id := range r.cloudIDs {
			k, tail, isARN := idKey(id)
			if k == "" {
				continue
			}
			if j, ok := ix.exact[k]; ok && j != i {
				// rs is sorted, so the first claimant is stable.
				ix.notes = append(ix.notes, fmt.Sprintf("cloud id %s is claimed by %s and %s; its charges count toward %s", id, rs[j].address, r.address, rs[j].address))
			} else {
				ix.exact[k] = i
			}
			if isARN && tail != "" {
				if j, ok := ix.tails[tail]; ok && j != i {
					ix.tails[tail] = noMatch
				} else if !ok {
					ix.tails[tail] = i
				}
			}
		}
		if j, ok := ix.addresses[r.address]; ok && j != i {
			ix.addresses[r.address] = noMatch
		} else {
			ix.addresses[r.address] = i
		}
	}
	return ix
}

// byID returns the resource a billed resource id belongs to, or noMatch.
func (ix *index) byID(id string) int {
	if id == ix.lastID && id != "" {
		return ix.lastMatch
	}
	i, ok := ix.ids[id]
	if !ok {
		i = ix.resolve(id)
		ix.ids[id] = i
	}
	ix.lastID, ix.lastMatch = id, i
	return i
}

func (ix *index) resolve(id string) int {
	k, tail, isARN := idKey(id)
	if k == "" {
		return noMatch
	}
	if i, ok := ix.exact[k]; ok {
		return i
	}
	if isARN {
		// A billed ARN of a resource the state names by its bare id.
		if i, ok := ix.exact[bareKey(tail)]; ok {
			return i
		}
		return noMatch
	}
	if strings.HasPrefix(k, gcpKeyPrefix) && isNumber(tail) {
		// A VM billed as …/instances/8812…: the state gives its numeric
		// instance_id apart from its self link, which has its name.
		if i, ok := ix.exact[bareKey(tail)]; ok {
			return i
		}
		return noMatch
	}
	if strings.HasPrefix(k, bareKeyPrefix) {
		// A bare billed id of a resource the state names by its ARN.
		if i, ok := ix.tails[k[len(bareKeyPrefix):]]; ok {
			return i
		}
	}
	return noMatch
}

// byTag returns the resource whose address a charge's address tag names,
// or noMatch. When several tag keys qualify, the first resource in order
// wins, so that the result does not depend on map order.
func (ix *index) byTag(tags map[string]string) int {
	best := noMatch
	for k, v := range tags {
		is, ok := ix.tagKeys[k]
		if !ok {
			is = normalizeTagKey(k) == ix.tagKey
			ix.tagKeys[k] = is
		}
		if !is {
			continue
		}
		if i, ok := ix.addresses[strings.TrimSpace(v)]; ok && i != noMatch && (best == noMatch || i < best) {
			best = i
		}
	}
	return best
}

// normalizeTagKey reduces a tag key to compare it across bills: the
// billing.TagKey form (CUR 2.0 and Athena replace punctuation with "_",
// key case varies) without the prefixes AWS gives user tags ("user:",
// "user_", "resource_tags_").
func normalizeTagKey(k string) string {
	k = billing.TagKey(k)
	for _, p := range []string{"resourcetags_", "resource_tags_", "user_"} {
		k = strings.TrimPrefix(k, p)
	}
	return k
}

func isNumber(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// Key prefixes keep the kinds of id apart.
const (
	bareKeyPrefix  = "id:"
	arnKeyPrefix   = "arn:"
	azureKeyPrefix = "azure:"
	gcpKeyPrefix   = "gcp:"
)

func bareKey(id string) string { return bareKeyPrefix + id }

// idKey normalizes a cloud id for matching: an ARN with its partition,
// service and region lower-cased (tail is its resource id, the last path
// segment or what follows the resource type); a GCP self link or full
// resource name reduced to its "projects/…" path; an Azure resource id
// (a path) lower-cased, as Azure ids are case-insensitive; any other id
// kept as is, AWS ids being case-sensitive. k is "" for an empty id.
func idKey(id string) (k, tail string, isARN bool) {
	id = strings.TrimSpace(id)
	if id == "" {
		return "", "", false
	}
	if strings.HasPrefix(id, "arn:") {
		if k, tail, ok := arnKey(id); ok {
			return k, tail, true
		}
	}
	if p, ok := gcpPath(id); ok {
		return gcpKeyPrefix + p, p[strings.LastIndexByte(p, '/')+1:], false
	}
	// Azure ids are paths: /subscriptions/…, or /providers/… for
	// tenant-level resources such as reservations.
	if id[0] == '/' {
		return azureKeyPrefix + strings.TrimRight(strings.ToLower(id), "/"), "", false
	}
	return bareKey(id), "", false
}

// arnKey normalizes arn:partition:service:region:account:resource.
func arnKey(id string) (k, tail string, ok bool) {
	parts := strings.SplitN(id, ":", 6)
	if len(parts) != 6 || parts[5] == "" {
		return "", "", false
	}
	res := parts[5]
	switch i := strings.IndexAny(res, "/:"); {
	case strings.Contains(res, "/"):
		tail = res[strings.LastIndexByte(res, '/')+1:]
	case i >= 0:
		tail = res[i+1:]
	default:
		tail = res
	}
	k = arnKeyPrefix + strings.ToLower(parts[1]) + ":" + strings.ToLower(parts[2]) + ":" +
		strings.ToLower(parts[3]) + ":" + parts[4] + ":" + res
	return k, tail, true
}

// gcpPath reduces the forms of a GCP resource name to "projects/…":
// self links (https://www.googleapis.com/compute/v1/projects/…), full
// resource names (//compute.googleapis.com/projects/…), relative names
// (projects/…), and a bucket's self link (…/storage/v1/b/NAME, whose full
// name is projects/_/buckets/NAME).
func gcpPath(id string) (string, bool) {
	rest, isURL := id, false
	if i := strings.Index(id, "googleapis.com/"); i >= 0 {
		rest, isURL = id[i+len("googleapis.com/"):], true
	}
	if isURL {
		if i := strings.Index(rest, "projects/"); i >= 0 && (i == 0 || rest[i-1] == '/') {
			return strings.TrimRight(rest[i:], "/"), true
		}
		if i := strings.Index(rest, "storage/v1/b/"); i >= 0 {
			name := strings.TrimRight(rest[i+len("storage/v1/b/"):], "/")
			return "projects/_/buckets/" + name, name != ""
		}
		return "", false
	}
	if strings.HasPrefix(rest, "projects/") {
		return strings.TrimRight(rest, "/"), true
	}
	return "", false
}
