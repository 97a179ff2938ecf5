// Package audit writes the tool-call audit log: one line when a tool is called and one
// line when it finishes, so an operator can reconstruct exactly what an agent did to the
// tenant, in order, with timings.
//
// # Line format
//
// The format is a stable public interface; log shippers and SIEM rules parse it, so any
// change to it is a breaking change. Every line ends in "\n":
//
//	[TOOL CALL] zia_list_locations | args: {name: "HQ", page: 1, page_size: 50}
//	[TOOL OK]   zia_list_locations | 342ms | 15 items
//	[TOOL ERR]  zms_list_resources | 1204ms | UpstreamUnavailable: timeout after 30s
//
// The state tag is padded to 12 characters so tool names line up. Fields are separated
// by " | ". Loggers writing to files (see [OpenFile] and [WithTimestamps]) prefix each
// line with a UTC timestamp with millisecond precision and a space:
//
//	2025-03-05T06:07:08.123Z [TOOL OK]   zia_list_locations | 342ms | 15 items
//
// Arguments are rendered as an object with keys sorted bytewise, written bare when they
// consist only of ASCII letters, digits, "_", "." and "-", and JSON-quoted otherwise.
// Values are JSON: strings quoted with JSON escapes, numbers as given (a float64
// holding a whole number prints without exponent or decimal point, 1 rather than 1e+00,
// up to 1e21 where encoding/json also switches to exponents), true, false, null,
// and nested objects and arrays rendered recursively in the same style. Nothing is
// HTML-escaped. Invisible characters inside strings (those the sanitize package would
// strip, plus U+00A0, U+2028 and U+2029) are written as \u escapes: the log keeps the
// exact value, yet a reader sees where something was hidden and a terminal cannot be
// tricked by a bidirectional override. Nesting deeper than sanitize.MaxDepth is cut and
// marked.
//
// Rendered arguments longer than [MaxArgsBytes] are cut on a character boundary and
// followed by "… (truncated: N bytes of arguments)".
//
// The OK line carries a summary, never the response itself: "N items" for lists (see
// [Summary]), "ok" for objects and scalars, or a caller-provided phrase. The ERR line
// carries "Kind: message". Both texts, and tool names, are cleaned to a single line
// (control characters, tabs and line breaks collapse to one space, invisible characters
// are stripped) and cut to 300 characters, the last being "…". Durations are whole
// milliseconds, truncated.
//
// # Redaction
//
// An argument is redacted when its name contains, ignoring case, "password", "secret",
// "token", "key" or "credential"; its value, whatever its type, is replaced by the
// string [Redacted]. This applies at every depth, inside nested objects and objects
// inside arrays. The match is a plain substring test on purpose: "clientSecret",
// "api-key", "pre_shared_key" and "credentials" are caught without a list of spellings.
// The price is over-redaction of harmless names such as "keywords" or "key_name", which
// we accept: a missing value in the log is a nuisance, a leaked one is an incident.
//
// Redaction is by name. A secret typed into an innocent field, such as a description,
// would be logged, except for values registered with [Logger.AddSecret] (the configured
// client secret, for example), which are replaced wherever they appear in a line, and
// delete confirmation tokens, which are recognised by their shape in every string
// (keys included) and replaced there, leaving the text around them.
// Error messages are additionally scrubbed of credential shapes: "Bearer <token>",
// JSON members like "access_token":"…" and form fields like client_secret=… whose names
// are sensitive keep their label and lose their value.
//
// # Destinations
//
// [New] writes to any io.Writer, normally stderr; in stdio mode stdout is reserved for
// the protocol and must not be used. [OpenFile] appends to a file created with mode
// 0600 and turns timestamps on; [Logger.Reopen] reopens it after an external rotation
// and [Logger.SetWriter] and [Logger.SetDestination] move the log elsewhere at run
// time, as a configuration reload does.
//
// # Concurrency and failure
//
// A [Logger] is safe for concurrent use. Each line is assembled privately and handed to
// the writer in a single Write call under a mutex, so lines are never torn or
// interleaved. Turning logging off ([Logger.SetEnabled]) costs one atomic load per call.
// [Logger.Begin] decides once per tool call whether it is logged, so a call that spans
// such a switch gets both its lines or neither.
// Write errors never reach the tool call: the audit log must not break the tenant
// operation it records. They are counted instead ([Logger.WriteErrors]) so the server
// can report them.
package audit
