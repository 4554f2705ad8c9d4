package questionnaire

// checkIDs checks the optional ids of the partnership and its objectives.
// They take the same form as partners' ids, and no two objectives may
// share one: calendars and other tools know the partnership and each
// objective by its id, so that rewording or renaming does not make them a
// different thing.
func checkIDs(d *decoder, q *Questionnaire) {
	if id := q.Partnership.ID; id != "" && !isID(id) {
		d.add(d.at("partnership.id"), "partnership.id",
			"%q must be a short word of lower-case letters, digits and hyphens, such as \"riverside-engineering\"", id)
	}
	first := map[string]int{}
	for i, o := range q.Objectives {
		path := index("objectives", i) + ".id"
		switch j, seen := first[o.ID]; {
		case o.ID == "":
		case !isID(o.ID):
			d.add(d.at(path), path,
				"%q must be a short word of lower-case letters, digits and hyphens, such as \"year-9-engineers\"", o.ID)
		case seen:
			d.add(d.at(path), path, "%q is already the id of objectives[%d]; each objective needs its own id", o.ID, j)
		default:
			first[o.ID] = i
		}
	}
}
