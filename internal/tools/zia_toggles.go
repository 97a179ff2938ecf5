package tools

import (
	"context"
	"strings"
)

// ziaToggleSettings declares the read and update tools of a small ZIA settings object
// whose fields are all booleans. The update takes one typed, optional parameter per
// field; at least one is needed, and the fields left out keep their values.
type ziaToggleSettings struct {
	Toolset string
	// Path is the object's path relative to /zia/api/v1.
	Path string
	// Noun forms the tool names, zia_get_<noun> and zia_update_<noun>; What, in words,
	// their titles ("ZIA malware file policy").
	Noun, What string
	// Shows completes "Returns …" for the read; Turns completes "Turns … on or off" for
	// the update.
	Shows, Turns string
	Toggles      []ziaToggle
}

// ziaToggle is one boolean field: the parameter that sets it, the API field, and what
// it does when true.
type ziaToggle struct{ Param, Field, Description string }

// readTool declares the read tool, whose description lists the API fields.
func (s ziaToggleSettings) readTool(up Upstream) Tool {
	fields := make([]string, len(s.Toggles))
	for i, tg := range s.Toggles {
		fields[i] = tg.Field
	}
	return ziaSettings{Toolset: s.Toolset, Path: s.Path,
		GetName: "zia_get_" + s.Noun, GetTitle: "Get " + s.What,
		GetDescription: "Returns " + s.Shows + " (" + strings.Join(fields, ", ") + ").",
	}.readTool(up)
}

// updateTool declares the update tool, one optional boolean parameter per toggle.
func (s ziaToggleSettings) updateTool(up Upstream) Tool {
	params := make([]Param, len(s.Toggles))
	fields := make(map[string]string, len(s.Toggles))
	for i, tg := range s.Toggles {
		params[i] = Param{Name: tg.Param, Type: Boolean,
			Description: tg.Description + " Left out, the current value is kept."}
		fields[tg.Param] = tg.Field
	}
	return ziaDeclare(s.Toolset, "zia_update_"+s.Noun, "Update "+s.What,
		"Turns "+s.Turns+" on or off. Give any of them; what is left out keeps its value. "+
			"The result lists each field changed with its value before and after. "+
			ziaStagedHint,
		Update, params, func(ctx context.Context, args Args) (Result, error) {
			if err := ziaNeedChange(args, params); err != nil {
				return Result{}, err
			}
			return ziaChangeSettings(ctx, up, s.Path, func(map[string]any) (
				map[string]any, error) {
				return ziaPatch(params, fields, args), nil
			})
		})
}
