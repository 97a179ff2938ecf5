package confirm

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"
)

// MinKeyBytes is the shortest signing key accepted.
const MinKeyBytes = 32

// tokenPrefix names the token format, so a later format can be told apart.
const tokenPrefix = "zc1"

// nonceBytes is the size of the random part of a token.
const nonceBytes = 16

// domain separates these signatures from any other use of the same key.
const domain = "zscaler-mcp confirmation v1"

// defaultLedgerLimit bounds the redeemed tokens remembered at once. At the default
// lifetime of five minutes it allows a sustained 30 confirmed deletes a second, far
// above what humans confirm.
const defaultLedgerLimit = 10_000

// Confirmer issues and redeems confirmation tokens. It is safe for concurrent use.
type Confirmer struct {
	key []byte
	ttl time.Duration
	now func() time.Time

	mu     sync.Mutex
	ledger ledger
}

// Option configures a Confirmer.
type Option func(*Confirmer)

// WithClock replaces time.Now, so tests can move time forward.
func WithClock(now func() time.Time) Option {
	return func(c *Confirmer) { c.now = now }
}

// WithLedgerLimit bounds how many redeemed, unexpired tokens are remembered. When the
// ledger is full, redemptions are refused until entries expire: forgetting a token
// early would let it be replayed.
func WithLedgerLimit(n int) Option {
	return func(c *Confirmer) { c.ledger.limit = n }
}

// New returns a Confirmer whose tokens live ttl. A nil or empty key means a random
// per-process key; a shorter key than MinKeyBytes is refused.
func New(key []byte, ttl time.Duration, opts ...Option) (*Confirmer, error) {
	if ttl <= 0 {
		return nil, errors.New("confirmation lifetime must be positive")
	}
	if len(key) == 0 {
		key = make([]byte, MinKeyBytes)
		if _, err := rand.Read(key); err != nil {
			return nil, fmt.Errorf("generate confirmation key: %w", err)
		}
	} else if len(key) < MinKeyBytes {
		return nil, fmt.Errorf("confirmation key has %d bytes, needs at least %d",
			len(key), MinKeyBytes)
	}
	c := &Confirmer{
		key:    append([]byte(nil), key...),
		ttl:    ttl,
		now:    time.Now,
		ledger: ledger{limit: defaultLedgerLimit},
	}
	for _, o := range opts {
		o(c)
	}
	return c, nil
}

// TTL is how long an issued token stays valid.
func (c *Confirmer) TTL() time.Duration { return c.ttl }

// Token is an issued confirmation.
type Token struct {
	// Value is what the agent sends back as confirmation_token. It is a bearer secret
	// for one call: never log it.
	Value string
	// ID names the token in audit lines; the token cannot be derived from it.
	ID string
	// Expires is when the token stops being accepted.
	Expires time.Time
}

// Issue returns a new token for calling tool with args. args must be the validated
// arguments without the token itself; they are canonicalised, so key order and the
// spelling of equal values do not matter.
func (c *Confirmer) Issue(tool string, args map[string]any) (Token, error) {
	canon, err := canonical(args)
	if err != nil {
		return Token{}, err
	}
	nonce := make([]byte, nonceBytes)
	if _, err := rand.Read(nonce); err != nil {
		return Token{}, fmt.Errorf("generate confirmation nonce: %w", err)
	}
	// Whole seconds, as the expiry travels in the token as a decimal number, rounded
	// up so that a token lives at least its lifetime: rounded down, a one-second token
	// issued late in a second would expire almost at once.
	expires := c.now().Add(c.ttl)
	if whole := expires.Truncate(time.Second); whole.Before(expires) {
		expires = whole.Add(time.Second)
	}
	exp := strconv.FormatInt(expires.Unix(), 10)
	n := base64.RawURLEncoding.EncodeToString(nonce)
	mac := c.sign(tool, canon, exp, n)
	return Token{
		Value:   strings.Join([]string{tokenPrefix, exp, n, encodeMAC(mac)}, "."),
		ID:      idOf(mac),
		Expires: expires,
	}, nil
}

// Redeem accepts value as the confirmation of calling tool with args, once. It
// returns the token's id, or a *RejectionError saying why the token cannot be used.
func (c *Confirmer) Redeem(tool string, args map[string]any, value string) (string, error) {
	exp, nonce, mac, ok := parse(value)
	if !ok {
		return "", &RejectionError{Code: Malformed}
	}
	id := idOf(mac)
	canon, err := canonical(args)
	if err != nil {
		return "", err
	}
	if !hmac.Equal(mac, c.sign(tool, canon, exp, nonce)) {
		return "", &RejectionError{Code: Mismatch, ID: id}
	}
	secs, _ := strconv.ParseInt(exp, 10, 64)
	expires := time.Unix(secs, 0)

	c.mu.Lock()
	defer c.mu.Unlock()
	now := c.now()
	if !now.Before(expires) {
		return "", &RejectionError{Code: Expired, ID: id, Expired: expires, TTL: c.ttl}
	}
	switch c.ledger.add(string(mac), expires, now) {
	case alreadyUsed:
		return "", &RejectionError{Code: Used, ID: id}
	case ledgerFull:
		return "", &RejectionError{Code: Busy, ID: id}
	}
	return id, nil
}

// sign computes the token's MAC. Fields are NUL-separated; none can contain a NUL
// (tool names are ours, canonical JSON escapes control characters, the rest is
// decimal or base64).
func (c *Confirmer) sign(tool string, canon []byte, exp, nonce string) []byte {
	h := hmac.New(sha256.New, c.key)
	for _, part := range [][]byte{[]byte(domain), []byte(tool), canon, []byte(exp), []byte(nonce)} {
		h.Write(part)
		h.Write([]byte{0})
	}
	return h.Sum(nil)
}

// canonical renders arguments as JSON with sorted keys and no insignificant space.
func canonical(args map[string]any) ([]byte, error) {
	if args == nil {
		args = map[string]any{}
	}
	b, err := json.Marshal(args)
	if err != nil {
		return nil, fmt.Errorf("canonicalise confirmation arguments: %w", err)
	}
	return b, nil
}

// parse splits a token into its signed fields, checking their shape only.
func parse(value string) (exp, nonce string, mac []byte, ok bool) {
	parts := strings.Split(strings.TrimSpace(value), ".")
	if len(parts) != 4 || parts[0] != tokenPrefix {
		return "", "", nil, false
	}
	secs, err := strconv.ParseInt(parts[1], 10, 64)
	if err != nil || secs <= 0 || strconv.FormatInt(secs, 10) != parts[1] {
		return "", "", nil, false
	}
	if n, err := base64.RawURLEncoding.DecodeString(parts[2]); err != nil || len(n) != nonceBytes {
		return "", "", nil, false
	}
	mac, err = base64.RawURLEncoding.DecodeString(parts[3])
	if err != nil || len(mac) != sha256.Size {
		return "", "", nil, false
	}
	return parts[1], parts[2], mac, true
}

func encodeMAC(mac []byte) string { return base64.RawURLEncoding.EncodeToString(mac) }

// idOf derives a token's id from its MAC by hashing: twelve hex digits, enough to
// tell tokens apart in a log, useless for rebuilding the token.
func idOf(mac []byte) string {
	sum := sha256.Sum256(append([]byte("token id\x00"), mac...))
	return hex.EncodeToString(sum[:6])
}
