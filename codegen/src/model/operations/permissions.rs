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
/// form (least, then higher privileged) and the pivoted form (one column per account).
pub(super) fn permissions(page: &Page) -> Permissions {
    let mut out = Permissions::default();
    let mut add = |account: Account, cell: &Inline| {
        let list = match account {
            Account::Work => &mut out.delegated_work,
            Account::Personal => &mut out.delegated_personal,
            Account::Application => &mut out.application,
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
                        add(*account, cell);
                    }
                }
            }
            continue;
        }
        if !table.header.first().is_some_and(|h| h.text.to_ascii_lowercase().contains("permission")) {
            continue;
        }
        // Intune's indented sub-rows (`&nbsp; &nbsp; area`) belong to the row above them.
        let mut current = None;
        for row in &table.rows {
            let Some((first, rest)) = row.split_first() else { continue };
            current = account(&first.text).or(current);
            let Some(account) = current else { continue };
            for cell in rest {
                add(account, cell);
            }
        }
    }
    out
}
