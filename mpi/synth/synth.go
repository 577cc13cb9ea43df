// Package synth generates fictitious patient registrations with known
// duplicates and the errors real registration desks make: typing errors,
// nicknames, day and month swapped, mistyped digits, moved addresses, new
// family names, names entered the wrong way round, missing values. It also
// makes twins, who share almost everything but are two people. Every record
// id says who the person is ("P123-0" and "P123-1" are person 123), so the
// matcher can be scored. It feeds the MPI benchmarks and tests; the people
// are made up from syllables and common names.
package synth

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"

	"github.com/chartroom/chartroom/mpi"
)

// Options shape a generated population.
type Options struct {
	Seed      uint64
	DupRate   float64 // share of people registered more than once (default 0.1)
	TwinRate  float64 // share of people with a twin (default 0.01)
	MaxErrors int     // errors per duplicate, from 1 up to this (default 3)
}

var commonFamily = strings.Fields(`smith johnson williams brown jones garcia miller davis rodriguez martinez hernandez lopez
gonzalez wilson anderson thomas taylor moore jackson martin lee perez thompson white harris sanchez clark ramirez lewis robinson
walker young allen king wright scott torres nguyen hill flores green adams nelson baker hall rivera campbell mitchell carter roberts
gomez phillips evans turner diaz parker cruz edwards collins reyes stewart morris morales murphy cook rogers gutierrez ortiz morgan
cooper peterson bailey reed kelly howard ramos kim cox ward richardson watson brooks chavez wood james bennett gray mendoza ruiz
hughes price alvarez castillo sanders patel myers long ross foster jimenez powell jenkins perry russell sullivan bell coleman butler
henderson barnes gonzales fisher vasquez simmons romero jordan patterson alexander hamilton graham reynolds griffin wallace moreno
west cole hayes bryant herrera gibson ellis tran medina aguilar stevens murray ford castro marshall owens harrison fernandez mcdonald
woods washington kennedy wells vargas henry chen freeman webb tucker guzman burns crawford olson simpson porter hunter gordon mendez
silva shaw snyder mason dixon munoz hunt hicks holmes palmer wagner black robertson boyd rose stone salazar fox warren mills meyer rice
schmidt garza daniels ferguson nichols stephens soto weaver ryan gardner payne grant dunn kelley spencer hawkins arnold pierce vazquez`)

var maleGiven = strings.Fields(`james robert john michael william david richard joseph thomas charles christopher daniel matthew anthony
mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary nicholas eric
jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry tyler aaron jose
adam nathan henry douglas zachary peter kyle ethan walter noah jeremy christian keith roger terry gerald harold sean austin carl arthur
lawrence dylan jesse jordan bryan billy joe bruce gabriel logan albert willie alan juan wayne elijah randy roy vincent ralph eugene
russell bobby mason philip louis liam owen lucas caleb isaac hunter connor`)

var femaleGiven = strings.Fields(`mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty margaret
sandra ashley kimberly emily donna michelle carol amanda dorothy melissa deborah stephanie rebecca sharon laura cynthia kathleen amy
angela shirley anna brenda pamela emma nicole helen samantha katherine christine debra rachel carolyn janet catherine maria heather
diane ruth julie olivia joyce virginia victoria kelly lauren christina joan evelyn judith megan andrea cheryl hannah jacqueline
martha gloria teresa ann sara madison frances kathryn janice jean abigail alice judy sophia grace denise amber doris marilyn danielle
beverly isabella theresa diana natalie brittany charlotte marie kayla alexis lori ava mia harper chloe zoe leah`)

var nicknames = map[string]string{
	"william": "bill", "robert": "bob", "richard": "dick", "james": "jim", "michael": "mike", "joseph": "joe", "thomas": "tom",
	"charles": "charlie", "christopher": "chris", "daniel": "dan", "matthew": "matt", "anthony": "tony", "donald": "don",
	"steven": "steve", "andrew": "andy", "kenneth": "ken", "timothy": "tim", "ronald": "ron", "edward": "ed", "jeffrey": "jeff",
	"nicholas": "nick", "jonathan": "jon", "gregory": "greg", "alexander": "alex", "patrick": "pat", "raymond": "ray",
	"samuel": "sam", "benjamin": "ben", "lawrence": "larry", "elizabeth": "liz", "margaret": "peggy", "patricia": "trish",
	"jennifer": "jenny", "susan": "sue", "jessica": "jess", "kimberly": "kim", "deborah": "debbie", "stephanie": "steph",
	"rebecca": "becky", "katherine": "kathy", "catherine": "cathy", "christine": "chris", "victoria": "vicky", "abigail": "abby",
	"samantha": "sam", "pamela": "pam", "judith": "judy", "dorothy": "dot", "theresa": "tess", "cynthia": "cindy", "amanda": "mandy",
}

var syllables = strings.Fields(`ab ad al an ar ash bar bel ber bis bor bran bro cal car cas chan cor dal dan del der dor dun el en er
fal far fen fer gal gar gil gor hal han har hel hol hum jan jar kal kel ken kir lan lar lem lin lor mal mar mel mer mil mor nal nel
nor ol or pal par pel per quin ral ran rel rin rob ros sal san sel ser sil sor tal tan tel ter tor ul val van vel ver wal war wel
win yar zel`)

var streetTypes = strings.Fields("street avenue road drive lane court place boulevard way circle terrace")

var states = strings.Fields("MA NY CA TX FL IL PA OH GA NC MI NJ VA WA AZ")

type place struct{ city, state, zip string }

type gen struct {
	r       *rand.Rand
	family  []string
	cumFam  []float64
	streets []string
	places  []place
	ssnNext uint64
}

func newGen(seed uint64) *gen {
	g := &gen{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
	seen := map[string]bool{}
	g.family = append(g.family, commonFamily...)
	for _, f := range commonFamily {
		seen[f] = true
	}
	for len(g.family) < 40000 {
		n := 2 + g.r.IntN(2)
		var b strings.Builder
		for i := 0; i < n; i++ {
			b.WriteString(syllables[g.r.IntN(len(syllables))])
		}
		if s := b.String(); !seen[s] {
			seen[s] = true
			g.family = append(g.family, s)
		}
	}
	// Zipf-like frequencies: the commonest family name is about 1% of people.
	var sum float64
	g.cumFam = make([]float64, len(g.family))
	for i := range g.family {
		sum += 1 / math.Pow(float64(i+1), 0.9)
		g.cumFam[i] = sum
	}
	for i := range g.cumFam {
		g.cumFam[i] /= sum
	}
	for i := 0; i < 3000; i++ {
		g.streets = append(g.streets, syllables[g.r.IntN(len(syllables))]+syllables[g.r.IntN(len(syllables))]+" "+streetTypes[g.r.IntN(len(streetTypes))])
	}
	for i := 0; i < 2000; i++ {
		g.places = append(g.places, place{
			city:  strings.ToUpper(syllables[g.r.IntN(len(syllables))][:1]) + syllables[g.r.IntN(len(syllables))][1:] + syllables[g.r.IntN(len(syllables))] + "ton",
			state: states[g.r.IntN(len(states))],
			zip:   fmt.Sprintf("%05d", 1000+g.r.IntN(98000)),
		})
	}
	g.ssnNext = 100000000 + uint64(g.r.IntN(1000))
	return g
}

func (g *gen) familyName() string {
	x := g.r.Float64()
	lo, hi := 0, len(g.cumFam)-1
	for lo < hi {
		mid := (lo + hi) / 2
		if g.cumFam[mid] < x {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return g.family[lo]
}

func (g *gen) given(sex string) string {
	list := maleGiven
	if sex == "F" {
		list = femaleGiven
	}
	// Skewed towards the front of the list.
	i := int(float64(len(list)) * math.Pow(g.r.Float64(), 1.6))
	return list[i]
}

func (g *gen) address(r *mpi.Record) {
	p := g.places[g.r.IntN(len(g.places))]
	r.Street = fmt.Sprintf("%d %s", 1+g.r.IntN(9999), g.streets[g.r.IntN(len(g.streets))])
	r.City, r.State, r.Postal = p.city, p.state, p.zip
	r.Phone = fmt.Sprintf("%03d-%03d-%04d", 200+g.r.IntN(790), 200+g.r.IntN(790), g.r.IntN(10000))
}

func (g *gen) person(id int) mpi.Record {
	sex := "M"
	if g.r.IntN(2) == 0 {
		sex = "F"
	}
	y := 1925 + g.r.IntN(100)
	m := 1 + g.r.IntN(12)
	d := 1 + g.r.IntN(28)
	r := mpi.Record{
		ID: fmt.Sprintf("P%d-0", id), Given: g.given(sex), Family: g.familyName(), Sex: sex,
		BirthDate: fmt.Sprintf("%04d%02d%02d", y, m, d),
	}
	if g.r.IntN(3) == 0 {
		r.Middle = g.given(sex)[:1]
	}
	g.address(&r)
	if g.r.Float64() < 0.85 { // not everyone gives an SSN
		g.ssnNext += 1 + uint64(g.r.IntN(50))
		r.SSN = fmt.Sprint(g.ssnNext)
	}
	return r
}

// typo makes one typing error: a letter dropped, doubled, replaced or two
// swapped.
func (g *gen) typo(s string) string {
	if len(s) < 2 {
		return s
	}
	b := []byte(s)
	i := g.r.IntN(len(b))
	switch g.r.IntN(4) {
	case 0:
		return string(append(b[:i:i], b[i+1:]...))
	case 1:
		return string(append(b[:i+1:i+1], b[i:]...))
	case 2:
		c := byte('a' + g.r.IntN(26))
		if b[i] >= '0' && b[i] <= '9' {
			c = byte('0' + g.r.IntN(10))
		}
		b[i] = c
		return string(b)
	default:
		if i+1 < len(b) {
			b[i], b[i+1] = b[i+1], b[i]
		}
		return string(b)
	}
}

// duplicate makes a second registration of r with 1..max errors.
func (g *gen) duplicate(r mpi.Record, k, max int) mpi.Record {
	d := r
	d.ID = r.ID[:strings.LastIndexByte(r.ID, '-')] + fmt.Sprintf("-%d", k)
	n := 1 + g.r.IntN(max)
	for e := 0; e < n; e++ {
		switch g.r.IntN(12) {
		case 0:
			d.Given = g.typo(d.Given)
		case 1:
			d.Family = g.typo(d.Family)
		case 2:
			if nick, ok := nicknames[d.Given]; ok {
				d.Given = nick
			} else {
				d.Given = g.typo(d.Given)
			}
		case 3: // day and month swapped
			if len(d.BirthDate) == 8 && d.BirthDate[6:8] <= "12" {
				d.BirthDate = d.BirthDate[:4] + d.BirthDate[6:8] + d.BirthDate[4:6]
			} else if t := g.typo(d.BirthDate); len(t) == 8 {
				d.BirthDate = t
			}
		case 4:
			d.BirthDate = g.typo(d.BirthDate)
			if len(d.BirthDate) != 8 {
				d.BirthDate = r.BirthDate
			}
		case 5: // moved
			g.address(&d)
		case 6:
			d.SSN = ""
		case 7:
			if d.SSN != "" {
				d.SSN = g.typo(d.SSN)
			}
		case 8: // married: a new family name
			if d.Sex == "F" {
				d.Family = g.familyName()
			} else {
				d.Phone = ""
			}
		case 9: // names entered the wrong way round
			d.Given, d.Family = d.Family, d.Given
		case 10:
			d.Street = g.typo(d.Street)
		case 11:
			d.Phone, d.Middle = "", ""
		}
	}
	return d
}

// Generate returns n records of about n/(1+DupRate·1.3) people, in random
// order.
func Generate(n int, o Options) []mpi.Record {
	if o.DupRate == 0 {
		o.DupRate = 0.1
	}
	if o.TwinRate == 0 {
		o.TwinRate = 0.01
	}
	if o.MaxErrors == 0 {
		o.MaxErrors = 3
	}
	g := newGen(o.Seed)
	recs := make([]mpi.Record, 0, n)
	for id := 0; len(recs) < n; id++ {
		r := g.person(id)
		recs = append(recs, r)
		if g.r.Float64() < o.TwinRate && len(recs) < n {
			id++
			t := g.person(id)
			t.Family, t.BirthDate, t.Street, t.City, t.State, t.Postal, t.Phone = r.Family, r.BirthDate, r.Street, r.City, r.State, r.Postal, r.Phone
			for t.Given == r.Given {
				t.Given = g.given(t.Sex)
			}
			recs = append(recs, t)
		}
		if g.r.Float64() < o.DupRate {
			dups := 1
			if g.r.IntN(4) == 0 {
				dups = 2
			}
			for k := 1; k <= dups && len(recs) < n; k++ {
				recs = append(recs, g.duplicate(r, k, o.MaxErrors))
			}
		}
	}
	g.r.Shuffle(len(recs), func(i, j int) { recs[i], recs[j] = recs[j], recs[i] })
	return recs
}

// Person returns the person a generated record belongs to.
func Person(id string) string {
	if i := strings.LastIndexByte(id, '-'); i > 0 {
		return id[:i]
	}
	return id
}
