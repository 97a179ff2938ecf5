// Package confirm issues and redeems the tokens that stand for a human's confirmation
// of a destructive tool call, when the client cannot ask the human itself.
//
// A token is an HMAC-SHA256, under a server key, over the tool name, the call's
// canonical arguments, an expiry and a random nonce. It therefore confirms exactly one
// call: the same tool with the same arguments, before it expires. A token is redeemed
// at most once per process: a ledger of redeemed tokens, kept until they expire and
// bounded in size, refuses a second redemption, including one racing the first.
//
// Replicas that share the key accept each other's tokens; the ledger is not shared, so
// single use holds per process only. Tokens are bearer secrets for one call and must
// never be logged; [Token.ID] is a short, non-reversible name for them in audit lines.
package confirm
