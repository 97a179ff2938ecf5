package tools

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

// ziaIPSSignatureNameMax is the longest signature name the Python server lets through.
const ziaIPSSignatureNameMax = 31

// ziaIPSSignatureWriteTools returns the write tools of custom IPS signatures, in the
// zia_cloud_firewall toolset next to the IPS rules that enforce them.
func ziaIPSSignatureWriteTools(up Upstream) []Tool {
	return ziaCRUD{
		Toolset: "zia_cloud_firewall", Noun: "ips_signature_rule", What: "custom IPS signature",
		Path: "/ipsSignatureRules", IDName: "rule_id",
		IDDescription: "Custom IPS signature id, from zia_list_ips_signature_rules.",
		NameKeys:      []string{"name"},
		Params: []Param{
			{Name: "name", Type: String, Required: true, NotBlank: true,
				Description: "Signature name, at most 31 characters, unique in the tenant."},
			{Name: "rule_text", Type: String, Required: true,
				Description: "The signature as one Snort/Suricata rule: the header, then " +
					"its options in parentheses, which must include sid and rev, e.g. " +
					`alert tcp any any -> any 445 (msg:"SMB probe"; content:"|FF|SMB"; ` +
					"sid:1000010; rev:1;). Only the alert action is supported."},
			{Name: "description", Type: String, Description: "Free-text description."},
		},
		Fields: map[string]string{"name": "name", "rule_text": "ruleText",
			"description": "description"},
		Convert: ziaCheckIPSSignature,
		CreateDescription: "Creates a custom IPS signature (a Snort/Suricata rule) and " +
			"returns it with its id. Name and rule text are checked first, so a malformed " +
			"signature is refused with what to fix before anything is sent; the API " +
			"validates the rule text again. IPS rules match it through its threat " +
			"category. " + ziaStagedHint,
		UpdateDescription: "Changes a custom IPS signature's name, rule text or " +
			"description; what is not given keeps its value (the signature is read and " +
			"sent back whole). " + ziaStagedHint,
		DeleteDescription: "Deletes a custom IPS signature. " + ziaDeleteHint,
	}.tools(up)
}

// ziaCheckIPSSignature checks the name and rule text given, so that the usual mistakes
// come back saying what to change instead of as the API's terse refusal. Fields not
// given are not checked: an update leaves them as they are.
func ziaCheckIPSSignature(args Args, body, _ map[string]any) error {
	if args.Has("name") {
		name := strings.TrimSpace(args.String("name"))
		switch n := utf8.RuneCountInString(name); {
		case n == 0:
			return toolerr.New(toolerr.InvalidArgument, "parameter \"name\" must not be empty")
		case n > ziaIPSSignatureNameMax:
			return toolerr.New(toolerr.InvalidArgument,
				"parameter \"name\" has %d characters; a signature name has at most %d",
				n, ziaIPSSignatureNameMax)
		}
		body["name"] = name
	}
	if args.Has("rule_text") {
		text := strings.TrimSpace(args.String("rule_text"))
		if err := ziaCheckRuleText(text); err != nil {
			return err
		}
		body["ruleText"] = text
	}
	return nil
}

// ziaRuleOption finds a rule option with a whole-number value, such as "sid:1000001;".
func ziaRuleOption(name string) *regexp.Regexp {
	return regexp.MustCompile(`(?:^|[;(\s])` + name + `\s*:\s*([^;]*);`)
}

var (
	ziaSIDOption = ziaRuleOption("sid")
	ziaRevOption = ziaRuleOption("rev")
	ziaWholeNum  = regexp.MustCompile(`^[0-9]+$`)
)

// ziaRuleExample is a well-formed signature, quoted in refusals.
const ziaRuleExample = `alert tcp any any -> any 445 (msg:"SMB probe"; content:"|FF|SMB"; ` +
	`sid:1000010; rev:1;)`

// ziaCheckRuleText checks the shape of a Snort/Suricata rule: one line, the alert
// action, a seven-part header with a one-way direction, options in parentheses, and a
// numeric sid and rev. What the API accepts beyond that it judges itself.
func ziaCheckRuleText(text string) error {
	bad := func(format string, a ...any) error {
		return toolerr.New(toolerr.InvalidArgument, "parameter \"rule_text\" "+format+
			"; a signature looks like: "+ziaRuleExample, a...)
	}
	if text == "" {
		return bad("must not be empty")
	}
	if strings.ContainsAny(text, "\r\n") {
		return bad("must be a single line")
	}
	open := strings.Index(text, "(")
	if open < 0 || !strings.HasSuffix(text, ")") {
		return bad("needs its options in parentheses at the end")
	}
	header := strings.Fields(text[:open])
	// Rule keywords are case-sensitive: the API refuses ALERT as it refuses drop.
	if len(header) == 0 || header[0] != "alert" {
		if len(header) > 0 && strings.EqualFold(header[0], "alert") {
			return bad("must start with the action alert in lower case, got %q", header[0])
		}
		return bad("must start with the action alert, the only one custom signatures support")
	}
	if len(header) != 7 {
		return bad("needs a header of seven parts before the options (action, protocol, "+
			"source, source port, direction, destination, destination port); it has %d",
			len(header))
	}
	if header[4] != "->" {
		return bad("must use the direction ->, got %q (<> is not supported)", header[4])
	}
	options := text[open:]
	for _, opt := range []struct {
		name string
		re   *regexp.Regexp
	}{{"sid", ziaSIDOption}, {"rev", ziaRevOption}} {
		m := opt.re.FindStringSubmatch(options)
		if m == nil {
			return bad("needs a %s option, such as %s:1", opt.name, opt.name)
		}
		if !ziaWholeNum.MatchString(strings.TrimSpace(m[1])) {
			return bad("has %s:%s; where %s must be a whole number", opt.name,
				strings.TrimSpace(m[1]), opt.name)
		}
	}
	return nil
}
