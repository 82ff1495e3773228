//! Tables for human output, through tabled.

use tabled::builder::Builder;
use tabled::settings::Style;

/// Renders rows under a header as a plain table (no borders, aligned columns).
pub fn render<I, R, S>(header: &[&str], rows: I) -> String
where
    I: IntoIterator<Item = R>,
    R: IntoIterator<Item = S>,
    S: Into<String>,
{
    let mut b = Builder::default();
    b.push_record(header.iter().map(|h| h.to_string()));
    for row in rows {
        b.push_record(row.into_iter().map(Into::into));
    }
    let mut t = b.build();
    t.with(Style::blank());
    t.to_string()
}

/// Renders `key  value` pairs, one per line, keys aligned.
pub fn pairs<K: AsRef<str>, V: AsRef<str>>(items: &[(K, V)]) -> String {
    let width = items
        .iter()
        .map(|(k, _)| k.as_ref().len())
        .max()
        .unwrap_or(0);
    items
        .iter()
        .map(|(k, v)| format!("{:width$}  {}", k.as_ref(), v.as_ref(), width = width))
        .collect::<Vec<_>>()
        .join("\n")
}
