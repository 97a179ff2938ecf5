// Package query runs the JMESPath expression an agent may pass to a list tool (the
// parameter named Param) over the records the tool returned, so that only the records
// and fields it needs come back. Compile parses and checks the expression before the
// tool runs, so a query that cannot work costs no call to the API; Query.Run applies it
// to one call's records.
//
// The expression is the agent's, so the engine treats it as untrusted, and bounds what
// it can cost. JMESPath can build lists of references to the same data, and nested,
// those multiply; functions such as pad_left, join and to_string can grow strings; and
// the interpreter loops and allocates without calling back. So:
//
//   - Compile refuses expressions that are too long, and those whose result could
//     repeat the records without bound: lists and objects nested so that too many
//     copies of the records could result, and $ or let variables read where their value
//     becomes part of the result (they may still serve conditions and numbers).
//   - Run rewrites the parsed tree so that every node that loops or builds passes
//     through a guard: a function of the engine's own, with a name no expression can
//     spell, that checks the call's context and charges the run's budget of steps and
//     built bytes. Function calls are charged likewise, and a run has a wall-clock limit.
//     Work thus stops within one node of exceeding a bound instead of exhausting the
//     server.
//   - A result more than a few times larger than the records it ran on is refused
//     before it is copied or encoded.
//
// Records carry json.Number so that 64-bit ids keep every digit, while the interpreter
// compares, sorts and adds float64 values only. Run bridges the two: each integer beyond
// ±2^53 gets a float64 stand-in of its own, in order, so comparisons, sorting and
// filters treat distinct ids as distinct, and the result is restored to the exact text
// the numbers came with. Arithmetic that would use or produce such a number is refused
// rather than answered wrongly.
//
// JMESPath answers a field no record has with null, so a query written with another
// server's snake_case names, or one that starts with the list field the query already
// runs inside, would quietly match nothing. Run refuses such a query with an error
// naming the fix when the fix is plain.
//
// Every error is a toolerr InvalidArgument naming Param, so the agent knows which
// argument to change; a panic inside the third-party interpreter is a failed query.
package query
