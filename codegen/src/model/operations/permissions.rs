//! Permission tables: which scopes each kind of account needs.

use super::*;

#[derive(Clone, Copy, PartialEq)]
enum Account {
    Work,
    Personal,
    Application,
}

fn account(text: &str) -> Option<Account> {
    let lower = text.to_ascii_lowercase();
    if lower.contains("delegated") && (lower.contains("work") || lower.contains("school")) {
        Some(Account::Work)
    } else if lower.contains("delegated") && lower.contains("personal") {
        Some(Account::Personal)
    } else if lower.trim().starts_with("application") {
        Some(Account::Application)
    } else {
        None
    }
}

/// Scope names in a cell: `A.Read, B.ReadWrite.All and C.Read` → three scopes; "Not
/// supported.", "None" and placeholders hold none.
fn scopes(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .map(|w| w.trim_matches(|c: char| matches!(c, '.' | '*' | '`' | '(' | ')' | '"' | '\'')))
        .filter(|w| {
            let dotted = w.contains('.')
                && w.split('.')
                    .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-'));
            let oidc = matches!(*w, "openid" | "profile" | "email" | "offline_access");
            (dotted || oidc) && w.starts_with(|c: char| c.is_ascii_alphabetic())
        })
}

/// Permission tables, in the two-column form (least privileged first), the three-column
/// form (least, then higher privileged, kept apart) and the pivoted form (one column per
/// account); the "Permissions for specific scenarios" prose; the role notes of included
/// files that hold no table.
pub(super) fn permissions(page: &Page) -> Permissions {
    let mut out = Permissions::default();
    let mut add = |account: Account, cell: &Inline, higher: bool| {
        let list = match (account, higher) {
            (Account::Work, false) => &mut out.delegated_work,
            (Account::Personal, false) => &mut out.delegated_personal,
            (Account::Application, false) => &mut out.application,
            (Account::Work, true) => &mut out.higher_privileged.delegated_work,
            (Account::Personal, true) => &mut out.higher_privileged.delegated_personal,
            (Account::Application, true) => &mut out.higher_privileged.application,
        };
        for scope in scopes(&cell.text) {
            if !list.iter().any(|s| s == scope) {
                list.push(scope.to_string());
            }
        }
    };
    // Newer docs keep the table in an included file.
    for block in std::iter::once(page).chain(&page.included).flat_map(|p| &p.blocks) {
        let BlockKind::Table(table) = &block.kind else { continue };
        let pivoted: Vec<Option<Account>> = table.header.iter().map(|h| account(&h.text)).collect();
        if pivoted.iter().filter(|a| a.is_some()).count() >= 2 {
            for row in &table.rows {
                for (cell, account) in row.iter().zip(&pivoted) {
                    if let Some(account) = account {
                        add(*account, cell, false);
                    }
                }
            }
            continue;
        }
        if !table.header.first().is_some_and(|h| h.text.to_ascii_lowercase().contains("permission")) {
            continue;
        }
        let higher: Vec<bool> = table.header.iter().map(|h| h.text.to_ascii_lowercase().contains("higher")).collect();
        // Intune's indented sub-rows (`&nbsp; &nbsp; area`) belong to the row above them.
        let mut current = None;
        for row in &table.rows {
            let Some((first, rest)) = row.split_first() else { continue };
            current = account(&first.text).or(current);
            let Some(account) = current else { continue };
            for (i, cell) in rest.iter().enumerate() {
                add(account, cell, higher.get(i + 1).copied().unwrap_or(false));
            }
        }
    }
    for range in page.sections(|h| h.contains("permissions for specific scenarios")) {
        out.scenarios.extend(page.blocks[range].iter().filter_map(|b| match &b.kind {
            BlockKind::Text(t) => Some(t.text.clone()),
            _ => None,
        }));
    }
    for included in page.included.iter().filter(|p| !p.blocks.iter().any(|b| matches!(b.kind, BlockKind::Table(_)))) {
        let text: Vec<&str> = included
            .blocks
            .iter()
            .filter_map(|b| match &b.kind {
                BlockKind::Text(t) => Some(t.text.as_str()),
                _ => None,
            })
            .collect();
        if !text.is_empty() {
            out.notes.push(text.join(" "));
        }
    }
    out
}
