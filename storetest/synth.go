package storetest

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/chartroom/chartroom"
)

// Name parts for synthetic patients: common US family and given names, so
// that prefix searches meet realistic collisions.
var (
	synthFamilies = []string{"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
		"Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez",
		"Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King",
		"Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell",
		"Mitchell", "Carter", "Roberts", "Gomez", "Phillips", "Evans", "Turner", "Diaz", "Parker", "Cruz", "Edwards", "Collins",
		"Reyes", "Stewart", "Morris", "Morales", "Murphy", "Cook", "Rogers", "Gutierrez", "Ortiz", "Morgan", "Cooper", "Peterson",
		"Bailey", "Reed", "Kelly", "Howard", "Ramos", "Kim", "Cox", "Ward", "Richardson", "Watson", "Brooks", "Chavez", "Wood",
		"James", "Bennett", "Gray", "Mendoza", "Ruiz", "Hughes", "Price", "Alvarez", "Castillo", "Sanders", "Patel", "Myers",
		"Long", "Ross", "Foster", "Jimenez", "Okafor", "Lindqvist", "Nakamura", "Kowalski", "Haddad", "Oyelaran", "Petrov"}
	synthGivens = []string{"James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
		"William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen", "Daniel", "Lisa",
		"Matthew", "Nancy", "Anthony", "Betty", "Mark", "Sandra", "Donald", "Margaret", "Steven", "Ashley", "Andrew", "Kimberly",
		"Paul", "Emily", "Joshua", "Donna", "Kenneth", "Michelle", "Kevin", "Carol", "Brian", "Amanda", "George", "Melissa",
		"Timothy", "Deborah", "Ronald", "Stephanie", "Jason", "Rebecca", "Edward", "Sharon", "Jeffrey", "Laura", "Ryan", "Cynthia",
		"Jacob", "Dorothy", "Gary", "Amy", "Nicholas", "Kathleen", "Eric", "Angela", "Jonathan", "Shirley", "Stephen", "Emma",
		"Larry", "Brenda", "Justin", "Pamela", "Scott", "Nicole", "Brandon", "Anna", "Benjamin", "Samantha", "Samuel", "Katherine",
		"Aiko", "Chidi", "Marta", "Siobhan", "Ravi", "Fatima", "Mateo", "Yusuf", "Ngozi", "Wei", "Olga", "Tariq"}
)

// SyntheticPatients returns n valid fictitious patients for load tests:
// names drawn from the lists above with a numeric suffix on some family
// names (so prefixes spread), birth dates from 1925 to 2025, sex, and a
// unique MRN at MAIN. The same seed gives the same patients.
func SyntheticPatients(seed uint64, n int) []*chartroom.Patient {
	r := rand.New(rand.NewPCG(seed, 0x5EED))
	out := make([]*chartroom.Patient, n)
	start := time.Date(1925, 1, 1, 0, 0, 0, 0, time.UTC)
	days := int(time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC).Sub(start).Hours() / 24)
	for i := range out {
		fam := synthFamilies[r.IntN(len(synthFamilies))]
		if r.IntN(3) == 0 { // hyphenated and compound names widen the prefix space
			fam += "-" + synthFamilies[r.IntN(len(synthFamilies))]
		}
		sex := chartroom.SexFemale
		if r.IntN(2) == 0 {
			sex = chartroom.SexMale
		}
		out[i] = &chartroom.Patient{
			Name:        chartroom.PersonName{Family: fam, Given: synthGivens[r.IntN(len(synthGivens))]},
			BirthDate:   chartroom.DateOf(start.AddDate(0, 0, r.IntN(days))),
			Sex:         sex,
			Identifiers: []chartroom.Identifier{{Type: "MR", Facility: "MAIN", Value: fmt.Sprintf("S%08d", i+1)}},
		}
	}
	return out
}
