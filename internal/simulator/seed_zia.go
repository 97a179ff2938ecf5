package simulator

import "fmt"

// seedTime is the modification time of seeded objects (2026-01-01T00:00:00Z).
const seedTime = int64(1767225600)

// seeder builds the ZIA seed collections.
type seeder struct {
	colls map[string][]record
}

// add stores r in canonical form and returns the stored record.
func (s *seeder) add(coll string, r record) record {
	c := canonRec(r)
	s.colls[coll] = append(s.colls[coll], c)
	return c
}

// get finds a seeded record by name (or configuredName, ipAddress, id).
func (s *seeder) get(coll, name string) record {
	for _, r := range s.colls[coll] {
		for _, k := range []string{"name", "configuredName", "ipAddress", "id"} {
			if v, found := r[k]; found && idKey(v) == name {
				return r
			}
		}
	}
	panic(fmt.Sprintf("simulator seed: no %s named %q", coll, name))
}

// refs returns {id,name} references to the named records.
func (s *seeder) refs(coll string, names ...string) []any {
	out := make([]any, 0, len(names))
	for _, n := range names {
		out = append(out, ref(s.get(coll, n)))
	}
	return out
}

func seedZIA() *ziaState {
	s := &seeder{colls: map[string][]record{}}
	seedIdentity(s)
	seedNetwork(s)
	seedTraffic(s)
	seedLocations(s)
	seedURLCategories(s)
	seedRules(s)
	seedDevices(s)
	seedWorkloadGroups(s)
	seedTimeIntervals(s)
	seedShadowIT(s)
	seedDLP(s)
	seedCloudAppRules(s)
	seedOddShapes(s)
	seedInspection(s)
	for name := range families {
		if s.colls[name] == nil {
			s.colls[name] = []record{}
		}
	}
	return &ziaState{colls: s.colls, singletons: seedSingletons(),
		customURLSeq: customURLCount, urlVal: 127 + customURLCount, eusa: seedEusa()}
}

// modified returns the modification fields of a seeded object, i hours before seedTime.
func modified(i int) record {
	return record{"lastModifiedTime": seedTime - int64(i)*3600, "lastModifiedBy": seedAdmin()}
}

func merge(parts ...record) record {
	out := record{}
	for _, p := range parts {
		for k, v := range p {
			out[k] = v
		}
	}
	return out
}
