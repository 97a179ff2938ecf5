package tools

import (
	"context"
	"fmt"
	"strings"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

// The API refuses to delete a firewall object (an IP group, a network service or a
// service or application group) while a rule or a group still refers to it. The
// delete tools look for those references first, so that nobody is asked to confirm a
// deletion that cannot happen, and the refusal names who holds the object.

// ziaRefHolder is one collection whose records may refer to an object: the fields
// holding lists of references ({"id": n, "name": …}) to it.
type ziaRefHolder struct {
	Path, What string
	Fields     []string
	// Unpaged marks collections the API returns whole (URL filtering and SSL
	// inspection rules).
	Unpaged bool
}

// The rule collections, for ziaRefHolder values.
var (
	ziaFirewallRules = ziaRefHolder{Path: "/firewallFilteringRules", What: "cloud firewall rule"}
	ziaDNSRules      = ziaRefHolder{Path: "/firewallDnsRules", What: "firewall DNS rule"}
	ziaIPSRules      = ziaRefHolder{Path: "/firewallIpsRules", What: "firewall IPS rule"}
	ziaURLRules      = ziaRefHolder{Path: "/urlFilteringRules", What: "URL filtering rule",
		Unpaged: true}
	ziaSSLRules = ziaRefHolder{Path: "/sslInspectionRules", What: "SSL inspection rule",
		Unpaged: true}
)

// with returns h looking at fields.
func (h ziaRefHolder) with(fields ...string) ziaRefHolder {
	h.Fields = fields
	return h
}

// ziaMaxHoldersNamed bounds how many holders a refusal names.
const ziaMaxHoldersNamed = 3

// ziaUnreferenced returns a CheckDelete that refuses to delete an object (what, in
// words) while any of holders refers to it.
func ziaUnreferenced(up Upstream, what string,
	holders ...ziaRefHolder) func(context.Context, map[string]any) error {
	return func(ctx context.Context, cur map[string]any) error {
		id, err := ziaExactID("id", cur["id"])
		if err != nil {
			return nil // an object without a usable id is left for the API to judge
		}
		var named []string
		total := 0
		for _, h := range holders {
			list := up.ZIAList
			if h.Unpaged {
				list = up.ZIAListUnpaged
			}
			items, err := list(ctx, h.Path, nil)
			if err != nil {
				return err
			}
			for _, it := range items {
				rec, _ := it.(map[string]any)
				if !ziaRefersTo(rec, h.Fields, id.String()) {
					continue
				}
				total++
				if len(named) < ziaMaxHoldersNamed {
					named = append(named, fmt.Sprintf("%s %s (%q)", h.What,
						ziaIDText(rec["id"]), ziaShort(ziaField(rec, "name"))))
				}
			}
		}
		if total == 0 {
			return nil
		}
		users := strings.Join(named, ", ")
		if total > len(named) {
			users += fmt.Sprintf(" and %d more", total-len(named))
		}
		return toolerr.New(toolerr.InvalidArgument,
			"%s %s (%q) is still used by %s; nothing was deleted. Remove those "+
				"references first, then delete it", what, id, ziaShort(ziaField(cur, "name")), users)
	}
}

// ziaRefersTo reports whether one of the reference lists fields of rec holds id.
func ziaRefersTo(rec map[string]any, fields []string, id string) bool {
	for _, f := range fields {
		refs, _ := rec[f].([]any)
		for _, r := range refs {
			ref, _ := r.(map[string]any)
			if got, err := ziaExactID(f, ref["id"]); err == nil && got.String() == id {
				return true
			}
		}
	}
	return false
}
