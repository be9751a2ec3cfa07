//! The tag sets of Universal Dependencies English: universal parts of speech ([`Upos`]), the
//! Penn Treebank tags EWT carries as XPOS ([`Xpos`]) and dependency relations ([`Deprel`]).
//! Each is a closed enum: code matches on `Upos::Verb`, never on a string.

use serde::Serialize;

macro_rules! str_enum {
    ($(#[$doc:meta])* $name:ident, $fallback:ident { $($variant:ident = $s:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        #[serde(into = "&'static str")]
        pub enum $name { $($variant),+ }

        impl $name {
            /// Every value, in index order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// Its name in CoNLL-U.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $s),+ }
            }

            /// Reads a CoNLL-U name; an unknown one gives the fallback.
            pub fn parse(s: &str) -> $name {
                match s { $($s => $name::$variant,)+ _ => $name::$fallback }
            }

            /// Its position in [`Self::ALL`].
            pub fn index(self) -> usize {
                self as usize
            }
        }

        impl From<$name> for &'static str {
            fn from(v: $name) -> &'static str {
                v.as_str()
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

str_enum! {
    /// A universal part of speech.
    Upos, X {
        Adj = "ADJ", Adp = "ADP", Adv = "ADV", Aux = "AUX", Cconj = "CCONJ", Det = "DET",
        Intj = "INTJ", Noun = "NOUN", Num = "NUM", Part = "PART", Pron = "PRON", Propn = "PROPN",
        Punct = "PUNCT", Sconj = "SCONJ", Sym = "SYM", Verb = "VERB", X = "X",
    }
}

str_enum! {
    /// A Penn Treebank part of speech, as English treebanks give it (XPOS).
    Xpos, Xx {
        Cc = "CC", Cd = "CD", Dt = "DT", Ex = "EX", Fw = "FW", In = "IN", Jj = "JJ", Jjr = "JJR",
        Jjs = "JJS", Ls = "LS", Md = "MD", Nn = "NN", Nns = "NNS", Nnp = "NNP", Nnps = "NNPS",
        Pdt = "PDT", Pos = "POS", Prp = "PRP", PrpS = "PRP$", Rb = "RB", Rbr = "RBR", Rbs = "RBS",
        Rp = "RP", Sym = "SYM", To = "TO", Uh = "UH", Vb = "VB", Vbd = "VBD", Vbg = "VBG",
        Vbn = "VBN", Vbp = "VBP", Vbz = "VBZ", Wdt = "WDT", Wp = "WP", WpS = "WP$", Wrb = "WRB",
        Comma = ",", Period = ".", Colon = ":", OpenQuote = "``", CloseQuote = "''",
        Lrb = "-LRB-", Rrb = "-RRB-", Hyph = "HYPH", Nfp = "NFP", Add = "ADD", Afx = "AFX",
        Gw = "GW", Dollar = "$", Hash = "#", Xx = "XX",
    }
}

str_enum! {
    /// A dependency relation (universal, with the subtypes English treebanks use).
    Deprel, Dep {
        Acl = "acl", AclRelcl = "acl:relcl", Advcl = "advcl", AdvclRelcl = "advcl:relcl",
        Advmod = "advmod", Amod = "amod", Appos = "appos", Aux = "aux", AuxPass = "aux:pass",
        Case = "case", Cc = "cc", CcPreconj = "cc:preconj", Ccomp = "ccomp", Compound = "compound",
        CompoundPrt = "compound:prt", Conj = "conj", Cop = "cop", Csubj = "csubj",
        CsubjOuter = "csubj:outer", CsubjPass = "csubj:pass", Dep = "dep", Det = "det",
        DetPredet = "det:predet", Discourse = "discourse", Dislocated = "dislocated", Expl = "expl",
        Fixed = "fixed", Flat = "flat", Goeswith = "goeswith", Iobj = "iobj", List = "list",
        Mark = "mark", Nmod = "nmod", NmodDesc = "nmod:desc", NmodPoss = "nmod:poss",
        NmodTmod = "nmod:tmod", NmodUnmarked = "nmod:unmarked", Nsubj = "nsubj",
        NsubjOuter = "nsubj:outer", NsubjPass = "nsubj:pass", Nummod = "nummod", Obj = "obj",
        Obl = "obl", OblAgent = "obl:agent", OblNpmod = "obl:npmod", OblTmod = "obl:tmod",
        OblUnmarked = "obl:unmarked", Orphan = "orphan", Parataxis = "parataxis", Punct = "punct",
        Reparandum = "reparandum", Root = "root", Vocative = "vocative", Xcomp = "xcomp",
    }
}

impl Deprel {
    /// A subject of any kind.
    pub fn is_subject(self) -> bool {
        matches!(self, Deprel::Nsubj | Deprel::NsubjPass | Deprel::NsubjOuter | Deprel::Csubj | Deprel::CsubjPass)
    }

    /// An oblique (a prepositional phrase or bare noun phrase modifying a predicate).
    pub fn is_oblique(self) -> bool {
        matches!(self, Deprel::Obl | Deprel::OblAgent | Deprel::OblNpmod | Deprel::OblTmod | Deprel::OblUnmarked)
    }

    /// A nominal modifier of a noun.
    pub fn is_nmod(self) -> bool {
        matches!(self, Deprel::Nmod | Deprel::NmodTmod | Deprel::NmodUnmarked | Deprel::NmodDesc)
    }
}

impl Xpos {
    /// The universal part of speech this tag nearly always goes with.
    pub fn is_verb(self) -> bool {
        matches!(self, Xpos::Vb | Xpos::Vbd | Xpos::Vbg | Xpos::Vbn | Xpos::Vbp | Xpos::Vbz | Xpos::Md)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for &t in Xpos::ALL {
            assert_eq!(Xpos::parse(t.as_str()), t);
        }
        for &d in Deprel::ALL {
            assert_eq!(Deprel::parse(d.as_str()), d);
        }
        assert_eq!(Upos::parse("PROPN"), Upos::Propn);
        assert_eq!(Deprel::parse("no:such"), Deprel::Dep);
        assert!(Deprel::ALL.len() < 64, "label sets are kept as 64-bit masks");
    }
}
