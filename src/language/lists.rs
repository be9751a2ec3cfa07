//! Word lists kept as data files: words separated by white space, any number a line, and a
//! `#` opening a comment to the end of its line.

/// The words of a list, in order.
pub fn words(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.lines().map(|l| l.split('#').next().unwrap_or("")).flat_map(str::split_whitespace)
}

#[cfg(test)]
mod tests {
    #[test]
    fn comments_and_blank_lines_hold_no_words() {
        let got: Vec<&str> = super::words("# a list\nde del  da # particles\n\nbin\n").collect();
        assert_eq!(got, ["de", "del", "da", "bin"]);
    }
}
