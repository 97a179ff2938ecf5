package tools

import (
	"context"
	"fmt"
	"strings"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

// The API refuses to delete an object that rules or groups still refer to: a firewall
// object (an IP group, a network service or a service or application group) or a time
// interval. The delete tools look for those references first, so that nobody is asked
// to confirm a deletion that cannot happen, and the refusal names who holds the object.

// ziaRefHolder is one collection whose records may refer to an object: the fields
// holding lists of references ({"id": n, "name": …}) to it.
type ziaRefHolder struct {
	Path, What string
	Fields     []string
	// Unpaged marks collections the API returns whole (URL filtering, SSL inspection
	// and sandbox rules, cloud app control policies).
	Unpaged bool
	// Lazy marks holders read only while the refusal still lacks names: the cloud app
	// control policies, one read per rule type, which would multiply the cost of a
	// refusal already certain. A lazy holder the tenant cannot read (a rule type it
	// does not have) is passed over and left for the API to judge.
	Lazy bool
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
	ziaSandboxRules = ziaRefHolder{Path: "/sandboxRules", What: "sandbox rule",
		Unpaged: true}
	ziaFileTypeRules = ziaRefHolder{Path: "/fileTypeRules", What: "file type control rule"}
	ziaWebDLPRules   = ziaRefHolder{Path: "/webDlpRules", What: "web DLP rule"}
)

// with returns h looking at fields.
func (h ziaRefHolder) with(fields ...string) ziaRefHolder {
	h.Fields = fields
	return h
}

// ziaCloudAppRuleHolders are the cloud app control policies, one per rule type, looking
// at fields. They are lazy: the API has no read of every policy at once.
func ziaCloudAppRuleHolders(fields ...string) []ziaRefHolder {
	out := make([]ziaRefHolder, 0, len(ziaCloudAppRuleTypes))
	for _, rt := range ziaCloudAppRuleTypes {
		out = append(out, ziaRefHolder{Path: ziaObjectPath("/webApplicationRules", rt),
			What: rt + " cloud app control rule", Fields: fields, Unpaged: true, Lazy: true})
	}
	return out
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
		total, skipped := 0, false
		for _, h := range holders {
			if h.Lazy && len(named) >= ziaMaxHoldersNamed {
				skipped = true
				continue
			}
			items, err := h.read(ctx, up)
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
		return toolerr.New(toolerr.InvalidArgument,
			"%s %s (%q) is still used by %s; nothing was deleted. Remove those "+
				"references first, then delete it", what, id, ziaShort(ziaField(cur, "name")),
			ziaHolderList(named, total, skipped))
	}
}

// read returns the records of h. A lazy holder the tenant cannot read counts as empty.
func (h ziaRefHolder) read(ctx context.Context, up Upstream) ([]any, error) {
	list := up.ZIAList
	if h.Unpaged {
		list = up.ZIAListUnpaged
	}
	items, err := list(ctx, h.Path, nil)
	if err != nil && h.Lazy {
		switch toolerr.As(err).Kind {
		case toolerr.NotFound, toolerr.InvalidArgument, toolerr.PermissionDenied:
			return nil, nil
		}
	}
	return items, err
}

// ziaHolderList names the holders found: those named, then how many more. When lazy
// holders were passed over the count is a lower bound, and says so.
func ziaHolderList(named []string, total int, skipped bool) string {
	users := strings.Join(named, ", ")
	switch more := total - len(named); {
	case more > 0 && skipped:
		users += fmt.Sprintf(" and at least %d more", more)
	case more > 0:
		users += fmt.Sprintf(" and %d more", more)
	case skipped:
		users += " and perhaps more"
	}
	return users
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
