//! Template placeholders, in every common syntax: the one recogniser that
//! names in greetings, password fields in templates and fields sent
//! unfilled all use.

use std::sync::OnceLock;

use regex::Regex;

/// A template field: `{{ customer.first_name }}`, `{% … %}`, `${name}`,
/// `$name`, `%{name}`, `{firstname}`, `[NIMI]` (capitals, so footnotes in
/// brackets are not one), `<%= name %>`, `%(name)s`, `%firstname%`,
/// `###NAME###`, and `%s`/`%d`/`%1` standing alone (so "10 %" is not one).
pub fn placeholder_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(concat!(
            r"\{\{[^{}\n]+\}\}",
            r"|\{%[^\n]+?%\}",
            r"|\$\{[\w.]+\}",
            r"|%\{[\w.]+\}",
            r"|\{\s*\p{L}[\w.]*\s*\}",
            r"|\[\p{Lu}[\p{Lu}\d_ .-]+\]",
            r"|<%=?[^\n]+?%>",
            r"|%\(\w+\)[sd]",
            r"|%\p{L}\w+%",
            r"|###\p{Lu}[\p{Lu}\d_]+###",
            r"|(?:^|[\s(])\$\p{L}[\w.]*",
            r"|(?:^|[\s(])%(?:[sd]|\d)(?:$|[\s,.!?:;)])",
        ))
        .expect("placeholder regex")
    })
}

/// The placeholders in `text`, each without the space or parenthesis the
/// stand-alone forms (`%s`, `$name`) take from before them.
pub fn placeholders(text: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    placeholder_re().find_iter(text).map(|m| {
        let field = m.as_str().trim_start_matches([' ', '\t', '\n', '(']);
        let start = m.end() - field.len();
        let field = field.trim_end_matches([' ', '\t', '\n', ',', '.', '!', '?', ':', ';', ')']);
        start..start + field.len()
    })
}

/// Does a placeholder name a password field (`{passwd}`, `{{ password }}`,
/// `<%= @password %>`)? Its inside must be a field name, not an expression
/// (`<%= l(:field_password) %>` looks up the label "Password").
pub fn is_password_field(field: &str) -> bool {
    let inner = field.trim_matches(|c: char| "{}[]<>%=$#() -\t".contains(c) || c.is_whitespace());
    let inner = inner.strip_suffix(")s").unwrap_or(inner);
    if inner.is_empty()
        || !inner
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '@'))
    {
        return false;
    }
    let lower = inner.to_lowercase();
    [
        "password",
        "passwd",
        "passwort",
        "pwd",
        "salasana",
        "lösenord",
        "tunnussana",
    ]
    .iter()
    .any(|word| lower.contains(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str) -> Vec<&str> {
        placeholders(text).map(|r| &text[r]).collect()
    }

    #[test]
    fn every_syntax() {
        for field in [
            "{firstname}",
            "{{ customer.first_name }}",
            "{% if name %}",
            "${name}",
            "$firstName",
            "%{recipient.name.first}",
            "[NIMI]",
            "<%= @user.name %>",
            "%(name)s",
            "%firstname%",
            "###USERNAME###",
            "%s",
            "%1",
        ] {
            let text = format!("Hei {field}, kiitos.");
            assert_eq!(fields(&text), [field], "{text}");
        }
    }

    #[test]
    fn ordinary_text_is_not_a_field() {
        for text in [
            "Alennus on 10 % ja toimitus 5 €.",
            "Katso liite [1] ja sivu 3.",
            "Hinta on 5$ tai 4,50 €.",
            "(lisätietoa verkkosivuilla)",
        ] {
            assert!(fields(text).is_empty(), "{text}: {:?}", fields(text));
        }
    }

    #[test]
    fn password_fields() {
        assert!(is_password_field("{{ ticket.password }}"));
        assert!(is_password_field("{passwd}"));
        assert!(is_password_field("[SALASANA]"));
        assert!(is_password_field("<%= @password %>"));
        assert!(is_password_field("%(user_password)s"));
        assert!(!is_password_field("{firstname}"));
        assert!(!is_password_field("<%= l(:field_password) %>"));
    }
}
