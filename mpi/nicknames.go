package mpi

import (
	"strings"
	"sync"
)

// nicknameGroups lists given names that name the same person: the formal
// name first, then its common short forms and variants. It was written for
// Chartroom from general knowledge of English given names; sites extend it
// with Options.Aliases.
var nicknameGroups = []string{
	"ABIGAIL ABBY ABBIE GAIL",
	"ALBERT AL BERT BERTIE",
	"ALEXANDER ALEX AL ALEC SANDY XANDER LEX",
	"ALEXANDRA ALEX ALEXA SANDRA SANDY LEXI",
	"ALFRED AL ALF ALFIE FRED FREDDIE",
	"ALLISON ALLIE ALI ALISON",
	"AMANDA MANDY MANDI",
	"ANDREW ANDY DREW",
	"ANGELA ANGIE",
	"ANNE ANN ANNIE NAN NANCY ANNA HANNAH",
	"ANTHONY TONY ANTONY",
	"ARTHUR ART ARTIE",
	"BARBARA BARB BARBIE BABS",
	"BENJAMIN BEN BENNY BENJI",
	"BERNARD BERNIE BERNY",
	"BETTY ELIZABETH BETH BETSY BESS",
	"BRADLEY BRAD",
	"CAROLINE CAROL CARRIE CAROLYN LINA",
	"CATHERINE CATHY CATE KATE KATIE KATHY KATHERINE KATHRYN KAT CAT KATHLEEN KITTY",
	"CHARLES CHARLIE CHUCK CHAS CHAZ CHARLEY",
	"CHRISTINA CHRISTINE CHRIS TINA CHRISSY KRISTINA KRISTINE",
	"CHRISTOPHER CHRIS KIT TOPHER KRIS",
	"CLIFFORD CLIFF",
	"CYNTHIA CINDY",
	"DANIEL DAN DANNY",
	"DAVID DAVE DAVY",
	"DEBORAH DEBBIE DEB DEBRA",
	"DENNIS DENNY",
	"DONALD DON DONNIE",
	"DOROTHY DOT DOTTIE DOLLY",
	"DOUGLAS DOUG",
	"EDWARD ED EDDIE NED TED TEDDY",
	"EDMUND ED EDDIE NED",
	"ELEANOR ELLIE NELL NELLIE NORA",
	"ELIZABETH LIZ LIZZIE BETH BETTY BETSY LIBBY ELIZA LISA ELISE ELSIE BESS",
	"EMILY EM EMMY MILLIE",
	"EUGENE GENE",
	"FLORENCE FLO FLOSSIE",
	"FRANCES FRAN FRANNIE FRANKIE",
	"FRANCIS FRANK FRANKIE",
	"FRANKLIN FRANK",
	"FREDERICK FRED FREDDIE FREDDY",
	"GABRIEL GABE",
	"GABRIELLE GABBY GABY",
	"GEORGE GEORGIE",
	"GERALD GERRY JERRY",
	"GREGORY GREG",
	"HAROLD HAL HARRY",
	"HENRY HANK HARRY HAL",
	"HERBERT HERB BERT",
	"ISABEL ISABELLA IZZY BELLA ISOBEL",
	"JACOB JAKE",
	"JAMES JIM JIMMY JAMIE JIMMIE",
	"JANET JAN",
	"JEFFREY JEFF GEOFFREY GEOFF",
	"JENNIFER JEN JENNY JENNIE",
	"JESSICA JESS JESSIE",
	"JOHN JACK JOHNNY JON",
	"JONATHAN JON JONNY NATHAN",
	"JOSEPH JOE JOEY JO",
	"JOSEPHINE JO JOSIE",
	"JOSHUA JOSH",
	"JUDITH JUDY",
	"KENNETH KEN KENNY",
	"KIMBERLY KIM KIMMY",
	"LAWRENCE LARRY LAURENCE LAURIE",
	"LEONARD LEN LENNY LEO",
	"LOUIS LOU LOUIE LEWIS",
	"MARGARET MAGGIE MEG PEGGY PEG MARGE MARGIE MADGE MAISIE GRETA",
	"MARY MOLLY POLLY MAE MAMIE MARIA MARIE",
	"MATTHEW MATT MATTY",
	"MICHAEL MIKE MICKEY MICK MICHEAL",
	"NATHANIEL NATE NAT NATHAN",
	"NICHOLAS NICK NICKY NIC",
	"PAMELA PAM",
	"PATRICIA PAT PATTY TRISH TRICIA PATSY",
	"PATRICK PAT PADDY RICK",
	"PETER PETE",
	"PHILIP PHIL PHILLIP PIP",
	"RAYMOND RAY",
	"REBECCA BECKY BECCA",
	"RICHARD RICK RICKY DICK RICH RICHIE",
	"ROBERT BOB BOBBY ROB ROBBIE BERT",
	"RONALD RON RONNIE",
	"SAMANTHA SAM SAMMY",
	"SAMUEL SAM SAMMY",
	"SARAH SARA SALLY SADIE",
	"STEPHANIE STEPH STEFFI",
	"STEPHEN STEVE STEVEN STEVIE",
	"SUSAN SUE SUSIE SUZY SUZANNE",
	"TERENCE TERRY",
	"THEODORE TED TEDDY THEO",
	"THERESA TERESA TERRI TESS TESSA TERRY",
	"THOMAS TOM TOMMY",
	"TIMOTHY TIM TIMMY",
	"VALERIE VAL",
	"VICTORIA VICKY VICKI TORI",
	"VINCENT VINCE VINNY",
	"VIRGINIA GINNY GINGER",
	"WALTER WALT WALLY",
	"WILLIAM BILL BILLY WILL WILLIE LIAM",
	"ZACHARY ZACH ZACK",
}

// aliasTable maps each name to the groups it belongs to (a name such as
// PAT belongs to several) and each group to its formal name.
type aliasTable struct {
	groups map[string][]uint16
	formal []string
}

func newAliasTable(extra []string) *aliasTable {
	t := &aliasTable{groups: map[string][]uint16{}}
	for _, g := range append(append([]string(nil), nicknameGroups...), extra...) {
		names := strings.Fields(norm(g))
		if len(names) == 0 {
			continue
		}
		t.formal = append(t.formal, names[0])
		for _, n := range names {
			t.groups[n] = append(t.groups[n], uint16(len(t.formal)-1))
		}
	}
	return t
}

// same reports whether a and b are listed as forms of one name.
func (t *aliasTable) same(a, b string) bool {
	for _, x := range t.groups[a] {
		for _, y := range t.groups[b] {
			if x == y {
				return true
			}
		}
	}
	return false
}

// canonical returns the formal name of the first group name belongs to, or
// name itself.
func (t *aliasTable) canonical(name string) string {
	if g := t.groups[name]; len(g) > 0 {
		return t.formal[g[0]]
	}
	return name
}

var (
	defaultAliasOnce  sync.Once
	defaultAliasTable *aliasTable
)

// defaultAliases returns the built-in nickname table, built once.
func defaultAliases() *aliasTable {
	defaultAliasOnce.Do(func() { defaultAliasTable = newAliasTable(nil) })
	return defaultAliasTable
}
