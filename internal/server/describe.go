package server

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/zscaler/zscaler-mcp/internal/sanitize"
	"github.com/zscaler/zscaler-mcp/internal/toolerr"
	"github.com/zscaler/zscaler-mcp/internal/tools"
)

// Bounds of text shown in a confirmation prompt: a tenant-chosen name, and the call's
// arguments.
const (
	maxDisplayRunes = 120
	maxArgsRunes    = 600
)

// describeSuffix names the audited lookup of a delete's target: the delete tool's name
// with this suffix, so its CALL and OK or ERR lines sit between the delete's own.
const describeSuffix = "/describe"

// target is what a delete acts on, cleaned for display to a human.
type target struct {
	tools.Resource
	// lookupErr is the kind of error that kept the display name from being read.
	lookupErr toolerr.Kind
	// args is the call's arguments as shown (see argumentsText).
	args string
}

// describe names the object a delete call acts on. The lookup reads the tenant, so it
// is audited like a tool call of its own; its result is cleaned of invisible and
// control characters and bounded whatever the sanitization setting, because a human
// decides on what it shows. NotFound and InvalidArgument errors are returned so that
// no confirmation is asked for an object that does not exist or a call the delete
// would refuse; other failures leave the name out.
func (r *Registrar) describe(ctx context.Context, t tools.Tool, args tools.Args) (target, error) {
	secrets := r.audit.Secrets()
	out := target{Resource: fallbackResource(t, args, secrets), args: argumentsText(args, secrets)}
	if t.Describe == nil {
		return out, nil
	}

	name := t.Name + describeSuffix
	start := time.Now()
	entry := r.audit.Begin(name, args.Values())
	res, err := r.runDescribe(ctx, t, args)
	if err != nil {
		te := classify(ctx, err, r.inflight.isDraining())
		entry.Err(time.Since(start), string(te.Kind), te.Message)
		out.lookupErr = te.Kind
		switch te.Kind {
		case toolerr.NotFound, toolerr.InvalidArgument, toolerr.Cancelled:
			// The delete would fail the same way: nobody is asked to confirm it.
			return out, te
		}
		return out, nil
	}
	entry.OK(time.Since(start), "ok")

	if s := display(res.Type, secrets); s != "" {
		out.Type = s
	}
	if s := display(res.ID, secrets); s != "" {
		out.ID = s
	}
	out.Name = display(res.Name, secrets)
	return out, nil
}

// runDescribe calls t.Describe, turning a panic into an Internal error.
func (r *Registrar) runDescribe(ctx context.Context, t tools.Tool,
	args tools.Args) (res tools.Resource, err error) {
	defer func() {
		if p := recover(); p != nil {
			r.logger.Error("resource lookup panicked", "tool", t.Name, "panic", fmt.Sprint(p),
				"stack", string(debug.Stack()))
			err = toolerr.New(toolerr.Internal, "the lookup failed unexpectedly; see the server log")
		}
	}()
	return t.Describe(ctx, args)
}

// fallbackResource names the target from the tool and its arguments alone: the type
// from the tool's name ("zia_delete_rule_label" → "rule label") and the id from its id
// parameters, in declaration order, shown as display shows it.
func fallbackResource(t tools.Tool, args tools.Args, secrets []string) tools.Resource {
	kind := t.Name
	if _, after, found := strings.Cut(kind, "delete_"); found && after != "" {
		kind = strings.ReplaceAll(after, "_", " ")
	}
	var ids []string
	for _, p := range t.Params {
		if p.Type == tools.ID && args.Has(p.Name) {
			ids = append(ids, p.Name+" "+args.String(p.Name))
		}
	}
	id := strings.Join(ids, ", ")
	if len(ids) == 1 {
		_, id, _ = strings.Cut(ids[0], " ")
	}
	return tools.Resource{Type: kind, ID: display(id, secrets)}
}

// phrase renders the target for a sentence: `rule label 4338886 "Temporary"`.
func (g target) phrase() string {
	var b strings.Builder
	b.WriteString(g.Type)
	if g.ID != "" {
		b.WriteString(" " + g.ID)
	}
	switch {
	case g.Name != "":
		b.WriteString(" " + strconv.Quote(g.Name))
	case g.lookupErr != "":
		fmt.Fprintf(&b, " (its name could not be read: %s)", g.lookupErr)
	}
	return b.String()
}

// display makes tenant or agent text safe to show inside a prompt: invisible
// characters removed, line breaks and other control characters turned into spaces so
// the text cannot fake further lines of the prompt, runs of space collapsed, the
// configured secrets redacted, and the length bounded.
func display(s string, secrets []string) string { return bounded(s, maxDisplayRunes, secrets) }

// displayLong is display with the longer bound used for arguments.
func displayLong(s string, secrets []string) string { return bounded(s, maxArgsRunes, secrets) }

// bounded does the work of display. Secrets are redacted at every step that can
// reshape the text, and always before the cut: cleaning can join up a secret broken up
// by markup, and a cut through a secret would leave a part that no later search finds.
func bounded(s string, limit int, secrets []string) string {
	// Before control characters become spaces, which would split a secret they split.
	s = sanitize.RedactSecretsString(s, secrets)
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(sanitize.StringRedacting(s, secrets)), " ")
	// Collapsing spaces can join up a secret that holds a space.
	s = sanitize.RedactSecretsString(s, secrets)
	if utf8.RuneCountInString(s) > limit {
		s = string([]rune(s)[:limit-1]) + "…"
	}
	return s
}

// isKind reports whether err is a tool error of kind k.
func isKind(err error, k toolerr.Kind) bool {
	var te *toolerr.Error
	return errors.As(err, &te) && te.Kind == k
}
