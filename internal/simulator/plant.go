package simulator

import (
	"errors"
	"fmt"
	"strings"
)

// PlantRecord stores a raw JSON object in a ZIA collection exactly as given, bypassing
// every check a write would make, and returns it as stored. Tests use it to put records
// of shapes a client does not expect (an object where a string is usual, nulls, fields
// nobody knows, ids above 2^53) in front of the tools without making them part of the
// seed. Numbers keep every digit; fields the family computes on read (counts of
// references) are still added. The record must carry an id.
func (t *Tenant) PlantRecord(collection, rawJSON string) (map[string]any, error) {
	v, err := decodeJSON(strings.NewReader(rawJSON))
	if err != nil {
		return nil, fmt.Errorf("decode planted record: %w", err)
	}
	rec, isObj := v.(map[string]any)
	if !isObj {
		return nil, errors.New("a planted record must be a JSON object")
	}
	if rec["id"] == nil {
		return nil, errors.New("a planted record needs an id")
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if _, known := families[collection]; !known {
		return nil, fmt.Errorf("no ZIA collection %q", collection)
	}
	if r, _ := t.find(collection, rec["id"]); r != nil {
		return nil, fmt.Errorf("%s already holds id %s", collection, idKey(rec["id"]))
	}
	t.zia.colls[collection] = append(t.zia.colls[collection], rec)
	return cloneRec(rec), nil
}
