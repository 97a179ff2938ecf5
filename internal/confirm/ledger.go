package confirm

import "time"

// sweepMargin keeps redeemed tokens a while past their expiry, so that a wall clock
// stepped back a little cannot make a forgotten token valid again.
const sweepMargin = time.Minute

type admission int

const (
	admitted admission = iota
	alreadyUsed
	ledgerFull
)

// ledger remembers redeemed tokens until they expire. The caller serialises access.
type ledger struct {
	limit int
	used  map[string]time.Time // MAC → expiry
}

// add records mac as redeemed, unless it already was or the ledger is full of live
// entries.
func (l *ledger) add(mac string, expires, now time.Time) admission {
	if l.used == nil {
		l.used = make(map[string]time.Time)
	}
	if _, seen := l.used[mac]; seen {
		return alreadyUsed
	}
	if len(l.used) >= l.limit {
		l.sweep(now)
		if len(l.used) >= l.limit {
			return ledgerFull
		}
	}
	l.used[mac] = expires
	return admitted
}

// sweep forgets entries that expired more than sweepMargin ago.
func (l *ledger) sweep(now time.Time) {
	for mac, exp := range l.used {
		if now.Sub(exp) > sweepMargin {
			delete(l.used, mac)
		}
	}
}
