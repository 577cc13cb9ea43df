package demogen

// Fictitious name parts. Combinations are drawn at random; no one in the
// demo hospital is a real person.
var (
	families = []string{"Abernathy", "Achebe", "Alvarado", "Andersen", "Aoki", "Baptiste", "Barrow", "Bello", "Blackwood", "Bramwell",
		"Castellano", "Chowdhury", "Coffey", "Dalca", "Delacroix", "Dunmore", "Eriksen", "Esposito", "Fairweather", "Falkner",
		"Ferreira", "Fitzwilliam", "Galloway", "Gorecki", "Greenhalgh", "Haddad", "Halvorsen", "Hargreave", "Ibarra", "Ingersoll",
		"Jankowski", "Jovanovic", "Kagame", "Kavanagh", "Kettering", "Kowalczyk", "Lachance", "Lindqvist", "Lockridge", "Maddox",
		"Mbeki", "Merriweather", "Morrow", "Nakashima", "Nightingale", "Novak", "Obiora", "Okafor", "Oyelaran", "Pemberton",
		"Petrakis", "Quill", "Radcliffe", "Ramanathan", "Rasmussen", "Salgado", "Sandoval", "Szabo", "Takahashi", "Thistlewood",
		"Toussaint", "Underhill", "Valdivia", "Vasquez", "Wainwright", "Whitcombe", "Yamamoto", "Yilmaz", "Zelenko", "Zubiri"}
	femaleGiven = []string{"Ada", "Adaeze", "Aiko", "Amara", "Beatriz", "Bronwyn", "Camila", "Daria", "Elena", "Esi", "Farah", "Greta",
		"Hana", "Ines", "Imogen", "Johanna", "Kalinda", "Leonie", "Lucia", "Marta", "Maren", "Nadia", "Ngozi", "Odile", "Priya",
		"Rosalind", "Siobhan", "Tamsin", "Thandiwe", "Ulla", "Valentina", "Wren", "Yara", "Zofia", "Margaret", "Elizabeth", "Katherine"}
	maleGiven = []string{"Abel", "Anders", "Bartholomew", "Bogdan", "Casimir", "Chidi", "Dmitri", "Emeka", "Felix", "Gideon", "Hamish",
		"Hiro", "Ignatius", "Jonah", "Kofi", "Lorcan", "Mateo", "Nikolai", "Oskar", "Percival", "Quentin", "Rafael", "Soren",
		"Tariq", "Tobias", "Umar", "Viktor", "Wendell", "Xavier", "Yusuf", "Zoltan", "William", "Robert", "Richard", "James"}
	// nicknames maps given names to the short forms that registrars type,
	// so the demo's duplicate registrations look like real ones.
	nicknames = map[string]string{"Margaret": "Peggy", "Elizabeth": "Liz", "Katherine": "Kate", "William": "Bill", "Robert": "Bob",
		"Richard": "Rick", "James": "Jim", "Bartholomew": "Bart", "Nikolai": "Nick", "Tobias": "Toby", "Johanna": "Jo"}
	streets  = []string{"Harbor", "Quay", "Lantern", "Gull", "Tidewater", "Beacon", "Cannery", "Marsh", "Saltbox", "Anchor", "Driftwood", "Ferry"}
	suffixes = []string{"Street", "Road", "Lane", "Avenue", "Way", "Court"}
	towns    = []struct{ city, zip string }{{"Port Alder", "04101"}, {"Kestrel Bay", "04102"}, {"Fenwick Cove", "04103"}, {"Millbrook Landing", "04104"}, {"Ashcombe", "04105"}}
	payers   = []string{"Medicare", "Medicaid", "Harborline Health Plan", "Seaboard Mutual", "Self pay", "Northway Commercial"}
)
