package document

import "testing"

func TestFoldAccents(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Ysgol Bro Ŵyn", "Ysgol Bro Wyn"},
		{"Szkoła Łódź", "Szkola Lodz"},
		{"Øresund Ærø", "Oresund AEro"},
		{"Straße", "Strasse"},
		{"Đakovo", "Dakovo"},
		{"Þórshöfn", "THorshofn"},
		{"Cœur", "Coeur"},
		{"Crèche Noël", "Creche Noel"},
		{"Dún Laoghaire", "Dun Laoghaire"},
		{"São Tomé", "Sao Tome"},
		{"Smith & Co", "Smith  and  Co"},
		// Written with a combining accent rather than one letter.
		{"Cafe\u0301", "Cafe"},
		{"plain", "plain"},
	}
	for _, tt := range tests {
		if got := foldAccents(tt.in); got != tt.want {
			t.Errorf("foldAccents(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSlugFoldsAccents(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Szkoła Łódź", "szkola-lodz"},
		{"Ysgol Gymraeg Bro Ŵyn & Friends", "ysgol-gymraeg-bro-wyn-and-friends"},
		{"Gaelscoil Ó Fiaich", "gaelscoil-o-fiaich"},
		{"Skole i Tromsø", "skole-i-tromso"},
		{"Þingvellir Æfingaskóli", "thingvellir-aefingaskoli"},
		{"Partnerschaft Großstadt", "partnerschaft-grossstadt"},
		{"Партнёрство школ", "partnership"},
	}
	for _, tt := range tests {
		if got := Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
