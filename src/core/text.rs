//! Small text helpers for titles and previews.

/// The first `max` characters of a text, cut at a word boundary, with an ellipsis.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end_matches([',', '.', ';', ':']))
}

#[cfg(test)]
mod tests {
    use super::shorten;

    #[test]
    fn shortens_at_a_word_boundary() {
        assert_eq!(shorten("short", 10), "short");
        assert_eq!(shorten("We had to neutralise Russian air power, so we asked", 30), "We had to neutralise Russian…");
        assert_eq!(shorten("ذهبنا إلى موسكو اليوم", 12), "ذهبنا إلى…");
    }
}
