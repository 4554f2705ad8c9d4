// Package agreement keeps the record of each version a partnership has
// issued, and says from those records whether the signed agreement still
// stands: the verdict that decides whether every partner signs again or
// only a new contacts schedule goes out.
//
// A [Record] is written beside the documents of every version, as
// <slug>-record-v<N>.json. It holds what a later version is compared with:
// the agreement reference, a fingerprint of each section of the signed
// text, the wording edition, the contacts and signatories, and the files
// written with their SHA-256. The verdict never reads an old document back,
// so it works whatever formats were written and whatever templates were
// used.
package agreement
