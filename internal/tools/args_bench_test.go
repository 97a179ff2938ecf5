package tools

import (
	"strconv"
	"testing"
)

// BenchmarkCheckIDList checks a list of 1,000 valid numeric ids, as a bulk update
// receives them: an item's position is written out only for an error.
func BenchmarkCheckIDList(b *testing.B) {
	p := Param{Name: "application_ids", Type: IDList, Numeric: true}
	ids := make([]any, 1000)
	for i := range ids {
		ids[i] = strconv.Itoa(100000 + i)
	}
	bad := func(string) error { return nil }
	b.ReportAllocs()
	for b.Loop() {
		if _, err := p.checkIDs(ids, bad); err != nil {
			b.Fatal(err)
		}
	}
}
