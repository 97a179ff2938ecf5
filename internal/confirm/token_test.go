package confirm

import (
	"bytes"
	"encoding/base64"
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// clock is a settable time source.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

func newConfirmer(t *testing.T, opts ...Option) (*Confirmer, *clock) {
	t.Helper()
	clk := &clock{t: time.Date(2026, 12, 3, 10, 0, 0, 0, time.UTC)}
	c, err := New(bytes.Repeat([]byte("k"), 32), 5*time.Minute, append([]Option{WithClock(clk.now)}, opts...)...)
	require.NoError(t, err)
	return c, clk
}

func rejection(t *testing.T, err error) *RejectionError {
	t.Helper()
	var r *RejectionError
	require.True(t, errors.As(err, &r), "want a rejection, got %v", err)
	return r
}

var labelArgs = map[string]any{"label_id": "4338882"}

func TestTokenConfirmsOneCallOnce(t *testing.T) {
	c, _ := newConfirmer(t)
	tok, err := c.Issue("zia_delete_rule_label", labelArgs)
	require.NoError(t, err)
	require.Len(t, tok.ID, 12)
	require.NotContains(t, tok.Value, tok.ID, "the id is not a visible part of the token")

	id, err := c.Redeem("zia_delete_rule_label", map[string]any{"label_id": "4338882"}, tok.Value)
	require.NoError(t, err)
	require.Equal(t, tok.ID, id)

	_, err = c.Redeem("zia_delete_rule_label", labelArgs, tok.Value)
	r := rejection(t, err)
	require.Equal(t, Used, r.Code)
	require.Contains(t, r.Error(), "token id "+tok.ID+" was already used")
}

func TestTokenIsBoundToToolAndArguments(t *testing.T) {
	c, _ := newConfirmer(t)
	tok, err := c.Issue("zia_delete_rule_label", map[string]any{"label_id": "1", "force": false})
	require.NoError(t, err)

	cases := map[string]struct {
		tool string
		args map[string]any
	}{
		"other resource":    {"zia_delete_rule_label", map[string]any{"label_id": "2", "force": false}},
		"other tool":        {"zia_delete_location", map[string]any{"label_id": "1", "force": false}},
		"extra argument":    {"zia_delete_rule_label", map[string]any{"label_id": "1", "force": false, "x": 1}},
		"missing argument":  {"zia_delete_rule_label", map[string]any{"label_id": "1"}},
		"argument's type":   {"zia_delete_rule_label", map[string]any{"label_id": 1, "force": false}},
		"nested difference": {"zia_delete_rule_label", map[string]any{"label_id": "1", "force": "false"}},
	}
	for name, tc := range cases {
		_, err := c.Redeem(tc.tool, tc.args, tok.Value)
		require.Equal(t, Mismatch, rejection(t, err).Code, name)
	}
	// Key order does not matter; the mismatches above did not use the token up.
	_, err = c.Redeem("zia_delete_rule_label", map[string]any{"force": false, "label_id": "1"}, tok.Value)
	require.NoError(t, err)
}

func TestTamperedTokensAreRejected(t *testing.T) {
	c, _ := newConfirmer(t)
	tok, err := c.Issue("zia_delete_rule_label", labelArgs)
	require.NoError(t, err)
	parts := strings.Split(tok.Value, ".")

	later := strings.Join([]string{parts[0], "9999999999", parts[2], parts[3]}, ".")
	mac, err := base64.RawURLEncoding.DecodeString(parts[3])
	require.NoError(t, err)
	mac[7] ^= 0x01
	flipped := strings.Join([]string{parts[0], parts[1], parts[2],
		base64.RawURLEncoding.EncodeToString(mac)}, ".")
	cases := map[string]struct {
		value string
		code  Code
	}{
		"extended expiry": {later, Mismatch},
		"other nonce":     {strings.Join([]string{parts[0], parts[1], "AAAAAAAAAAAAAAAAAAAAAA", parts[3]}, "."), Mismatch},
		"flipped bit":     {flipped, Mismatch},
		"empty":           {"", Malformed},
		"truncated":       {tok.Value[:len(tok.Value)-5], Malformed},
		"wrong prefix":    {"zc9" + tok.Value[3:], Malformed},
		"leading zero":    {strings.Join([]string{parts[0], "0" + parts[1], parts[2], parts[3]}, "."), Malformed},
		"garbage":         {"yes, I confirm", Malformed},
	}
	for name, tc := range cases {
		_, err := c.Redeem("zia_delete_rule_label", labelArgs, tc.value)
		r := rejection(t, err)
		require.Equal(t, tc.code, r.Code, name)
		require.NotContains(t, r.Error(), tok.Value)
	}
	_, err = c.Redeem("zia_delete_rule_label", labelArgs, " "+tok.Value+"\n")
	require.NoError(t, err, "surrounding space from a copy and paste is ignored")
}

func TestTokensExpire(t *testing.T) {
	c, clk := newConfirmer(t)
	tok, err := c.Issue("zia_delete_rule_label", labelArgs)
	require.NoError(t, err)
	require.Equal(t, clk.now().Add(5*time.Minute), tok.Expires)

	clk.advance(5*time.Minute - time.Second)
	other, err := c.Issue("zia_delete_rule_label", labelArgs)
	require.NoError(t, err)
	_, err = c.Redeem("zia_delete_rule_label", labelArgs, other.Value)
	require.NoError(t, err, "a token is good for its whole lifetime")

	clk.advance(time.Second)
	_, err = c.Redeem("zia_delete_rule_label", labelArgs, tok.Value)
	r := rejection(t, err)
	require.Equal(t, Expired, r.Code)
	require.Equal(t, "the token expired at 2026-12-03T10:05:00Z; tokens are valid for 5 minutes", r.Error())
}

func TestTokensLiveAtLeastTheirLifetime(t *testing.T) {
	clk := &clock{t: time.Date(2026, 12, 3, 10, 0, 0, 900_000_000, time.UTC)}
	c, err := New(bytes.Repeat([]byte("k"), 32), time.Second, WithClock(clk.now))
	require.NoError(t, err)
	tok, err := c.Issue("zia_delete_rule_label", labelArgs)
	require.NoError(t, err)
	require.Equal(t, time.Date(2026, 12, 3, 10, 0, 2, 0, time.UTC), tok.Expires,
		"the expiry is rounded up to the whole second")

	clk.advance(time.Second - time.Millisecond)
	_, err = c.Redeem("zia_delete_rule_label", labelArgs, tok.Value)
	require.NoError(t, err, "a one-second token issued late in a second still lives a second")
}

func TestReplicasSharingAKeyAcceptEachOthersTokens(t *testing.T) {
	key := bytes.Repeat([]byte{7}, 32)
	a, err := New(key, time.Minute)
	require.NoError(t, err)
	b, err := New(key, time.Minute)
	require.NoError(t, err)
	random, err := New(nil, time.Minute)
	require.NoError(t, err)

	tok, err := a.Issue("zia_delete_rule_label", labelArgs)
	require.NoError(t, err)
	_, err = random.Redeem("zia_delete_rule_label", labelArgs, tok.Value)
	require.Equal(t, Mismatch, rejection(t, err).Code, "a per-process key accepts nobody else's tokens")
	_, err = b.Redeem("zia_delete_rule_label", labelArgs, tok.Value)
	require.NoError(t, err)
	_, err = a.Redeem("zia_delete_rule_label", labelArgs, tok.Value)
	require.NoError(t, err, "single use is per process: the ledger is not shared")
}

func TestNewRefusesShortKeys(t *testing.T) {
	_, err := New(make([]byte, 31), time.Minute)
	require.ErrorContains(t, err, "needs at least 32")
	_, err = New(nil, 0)
	require.Error(t, err)
}

func TestConcurrentRedemptionsSucceedOnce(t *testing.T) {
	c, _ := newConfirmer(t)
	tok, err := c.Issue("zia_delete_rule_label", labelArgs)
	require.NoError(t, err)

	var wins, used atomic.Int32
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := 0; i < 32; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			_, err := c.Redeem("zia_delete_rule_label", labelArgs, tok.Value)
			var r *RejectionError
			switch {
			case err == nil:
				wins.Add(1)
			case errors.As(err, &r) && r.Code == Used:
				used.Add(1)
			}
		}()
	}
	close(start)
	wg.Wait()
	require.Equal(t, int32(1), wins.Load())
	require.Equal(t, int32(31), used.Load())
}

func TestFullLedgerRefusesRatherThanForgets(t *testing.T) {
	c, clk := newConfirmer(t, WithLedgerLimit(2))
	issue := func() string {
		tok, err := c.Issue("zia_delete_rule_label", labelArgs)
		require.NoError(t, err)
		return tok.Value
	}
	first, second, third := issue(), issue(), issue()
	_, err := c.Redeem("zia_delete_rule_label", labelArgs, first)
	require.NoError(t, err)
	_, err = c.Redeem("zia_delete_rule_label", labelArgs, second)
	require.NoError(t, err)

	_, err = c.Redeem("zia_delete_rule_label", labelArgs, third)
	require.Equal(t, Busy, rejection(t, err).Code)
	_, err = c.Redeem("zia_delete_rule_label", labelArgs, first)
	require.Equal(t, Used, rejection(t, err).Code, "remembered tokens stay refused")

	clk.advance(5*time.Minute + sweepMargin + time.Second)
	fresh := issue()
	_, err = c.Redeem("zia_delete_rule_label", labelArgs, fresh)
	require.NoError(t, err, "expired entries make room")
	_, err = c.Redeem("zia_delete_rule_label", labelArgs, first)
	require.Equal(t, Expired, rejection(t, err).Code, "a forgotten token is still refused, as expired")
}

func TestLifetime(t *testing.T) {
	require.Equal(t, "5 minutes", Lifetime(5*time.Minute))
	require.Equal(t, "1 minute", Lifetime(time.Minute))
	require.Equal(t, "90 seconds", Lifetime(90*time.Second))
	require.Equal(t, "250ms", Lifetime(250*time.Millisecond))
}
