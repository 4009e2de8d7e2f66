//! What a reply is answering: the customer's message (from the quote, else
//! from the message its In-Reply-To/References point to), the customer's
//! name, and whether a message is a reply at all.

use std::collections::{HashMap, VecDeque};

use super::{Mail, Person, Reply};

/// Where the customer's message was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CustomerSource {
    /// Quoted inside the reply.
    Quote,
    /// Another message of the input, through In-Reply-To/References.
    Thread,
}

/// The customer's message a reply answers.
#[derive(Debug, Clone)]
pub struct CustomerMessage {
    pub text: String,
    pub from: Option<Person>,
    /// The customer's sign-off name inside their message, if any.
    pub signoff: Option<String>,
    pub source: CustomerSource,
}

/// Is a message a reply (linted) or a customer's opening message?
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MessageKind {
    Reply,
    Customer,
}

impl MessageKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MessageKind::Reply => "reply",
            MessageKind::Customer => "customer",
        }
    }
}

/// Reply subject prefixes: Re:, VS: (fi), SV: (sv/da), AW: (de), Vast: (fi, Outlook).
pub fn is_reply_subject(subject: &str) -> bool {
    let lower = subject.trim_start().to_lowercase();
    [
        "re:", "re :", "vs:", "sv:", "aw:", "vast:", "ref:", "r:", "antw:", "odp:",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
}

/// The agents: addresses (`tuki@kauppa.fi`) or domains (`kauppa.fi`, `@kauppa.fi`).
#[derive(Debug, Clone, Default)]
pub struct Agents {
    addresses: Vec<String>,
    domains: Vec<String>,
}

impl Agents {
    pub fn new(entries: &[String]) -> Self {
        let mut agents = Agents::default();
        for entry in entries {
            let entry = entry.trim().to_lowercase();
            if entry.is_empty() {
                continue;
            }
            if let Some(domain) = entry.strip_prefix('@') {
                agents.domains.push(domain.to_string());
            } else if entry.contains('@') {
                agents.addresses.push(entry);
            } else {
                agents.domains.push(entry);
            }
        }
        agents
    }

    pub fn is_empty(&self) -> bool {
        self.addresses.is_empty() && self.domains.is_empty()
    }

    pub fn matches(&self, person: Option<&Person>) -> bool {
        let Some(address) = person.and_then(|p| p.address.as_deref()) else {
            return false;
        };
        let address = address.to_lowercase();
        let domain = address.rsplit_once('@').map_or("", |(_, d)| d);
        self.addresses.contains(&address)
            || self
                .domains
                .iter()
                .any(|d| domain == d || domain.ends_with(&format!(".{d}")))
    }
}

/// Decides the kind of a message (SPEC: "Which messages are replies").
pub fn classify(mail: &Mail, reply: &Reply, agents: &Agents) -> MessageKind {
    if !agents.is_empty() {
        return if agents.matches(mail.from.as_ref()) {
            MessageKind::Reply
        } else {
            MessageKind::Customer
        };
    }
    let answers = !mail.in_reply_to.is_empty()
        || !mail.references.is_empty()
        || mail.subject.as_deref().is_some_and(is_reply_subject)
        || !reply.quoted.is_empty();
    if answers {
        MessageKind::Reply
    } else {
        MessageKind::Customer
    }
}

/// What the thread index keeps of a message another one may answer.
#[derive(Debug, Clone)]
struct Parent {
    text: String,
    from: Option<Person>,
    signoff: Option<String>,
}

/// Messages seen so far, by Message-ID, so that a reply without a quote can
/// find the message it answers. Bounded: each entry keeps at most
/// [`MAX_PARENT_TEXT`] bytes, and past [`MAX_INDEX_BYTES`] the oldest
/// entries make room for new ones (a reply usually follows its parent
/// closely in a mailbox, so the recent messages are the ones worth keeping).
#[derive(Debug, Default)]
pub struct ThreadIndex {
    parents: HashMap<String, Parent>,
    /// The ids in the order they came, oldest first.
    order: VecDeque<String>,
    bytes: usize,
}

const MAX_PARENT_TEXT: usize = 16 * 1024;
const MAX_INDEX_BYTES: usize = 2 * 1024 * 1024;

/// What an entry counts against [`MAX_INDEX_BYTES`]: its text, its id twice
/// (key and order) and the bookkeeping.
fn entry_bytes(id: &str, parent: &Parent) -> usize {
    parent.text.len() + 2 * id.len() + 128
}

impl ThreadIndex {
    /// Remembers a message as a possible parent.
    pub fn add(&mut self, mail: &Mail, reply: &Reply) {
        let Some(id) = mail.message_id.as_ref() else {
            return;
        };
        if reply.own.trim().is_empty() {
            return;
        }
        let text = crate::lang::text::clip(&reply.own, MAX_PARENT_TEXT).to_string();
        let parent = Parent {
            text,
            from: mail.from.clone(),
            signoff: reply.signoff.clone(),
        };
        self.bytes += entry_bytes(id, &parent);
        match self.parents.insert(id.clone(), parent) {
            // A repeated Message-ID keeps its place in the order.
            Some(old) => self.bytes -= entry_bytes(id, &old),
            None => self.order.push_back(id.clone()),
        }
        while self.bytes > MAX_INDEX_BYTES && self.order.len() > 1 {
            let Some(oldest) = self.order.pop_front() else {
                break;
            };
            if let Some(old) = self.parents.remove(&oldest) {
                self.bytes -= entry_bytes(&oldest, &old);
            }
        }
    }

    /// The customer's message for a reply: its quote, else its parent.
    pub fn customer_of(&self, mail: &Mail, reply: &Reply) -> Option<CustomerMessage> {
        // A forwarded note above the customer's quote: the customer is the
        // one the reply is sent to, and not a colleague (an address of the
        // agent's own domain: "Lähettäjä: Hankinnat <hankinnat@kirjasto…>").
        let address =
            |p: Option<&Person>| p.and_then(|p| p.address.as_deref()).map(str::to_lowercase);
        let domain = |a: &str| a.rsplit_once('@').map(|(_, d)| d.to_string());
        let to = address(mail.to.first());
        let own_domain = address(mail.from.as_ref()).and_then(|a| domain(&a));
        if let Some(nested) = &reply.nested {
            let outer = address(reply.quoted_from.as_ref());
            let nested_address = address(Some(&nested.from));
            let sent_to_nested = to.is_some()
                && nested_address == to
                && outer.as_ref().is_some_and(|a| Some(a) != to.as_ref());
            let colleague = |a: &Option<String>| {
                own_domain.is_some() && a.as_deref().and_then(domain) == own_domain
            };
            let forwarded_by_colleague = colleague(&outer) && !colleague(&nested_address);
            if sent_to_nested || forwarded_by_colleague {
                return Some(CustomerMessage {
                    text: nested.text.clone(),
                    from: Some(nested.from.clone()),
                    signoff: nested.signoff.clone(),
                    source: CustomerSource::Quote,
                });
            }
        }
        if !reply.customer_text.trim().is_empty() {
            return Some(CustomerMessage {
                text: reply.customer_text.clone(),
                from: reply.quoted_from.clone(),
                signoff: reply.quoted_signoff.clone(),
                source: CustomerSource::Quote,
            });
        }
        let parent = mail
            .in_reply_to
            .iter()
            .chain(mail.references.iter().rev())
            .find_map(|id| self.parents.get(id))?;
        Some(CustomerMessage {
            text: parent.text.clone(),
            from: parent.from.clone(),
            signoff: parent.signoff.clone(),
            source: CustomerSource::Thread,
        })
    }
}

/// The names the customer goes by, best first: the quoted From, the
/// reply's To display name, the customer's own sign-off.
pub fn customer_names(mail: &Mail, customer: Option<&CustomerMessage>) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let mut push = |name: Option<&str>| {
        if let Some(name) = name
            .map(str::trim)
            .filter(|n| !n.is_empty() && !n.contains('@'))
        {
            if !names.iter().any(|n| n == name) {
                names.push(name.to_string());
            }
        }
    };
    if let Some(customer) = customer {
        push(customer.from.as_ref().and_then(|p| p.name.as_deref()));
    }
    for to in &mail.to {
        push(to.name.as_deref());
    }
    if let Some(customer) = customer {
        push(customer.signoff.as_deref());
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reply_subjects() {
        for s in [
            "Re: tilaus",
            "VS: tilaus",
            "SV: order",
            "AW: x",
            "Vast: x",
            "RE: x",
        ] {
            assert!(is_reply_subject(s), "{s}");
        }
        assert!(!is_reply_subject("Reklamaatio"));
        assert!(!is_reply_subject("Tilaus"));
    }

    #[test]
    fn agents_by_address_and_domain() {
        let agents = Agents::new(&[
            "tuki@kauppa.fi".into(),
            "@palvelu.fi".into(),
            "shop.se".into(),
        ]);
        let p = |a: &str| Person {
            name: None,
            address: Some(a.into()),
        };
        assert!(agents.matches(Some(&p("Tuki@Kauppa.fi"))));
        assert!(agents.matches(Some(&p("matti@palvelu.fi"))));
        assert!(agents.matches(Some(&p("anna@mail.shop.se"))));
        assert!(!agents.matches(Some(&p("anna@example.fi"))));
        assert!(!agents.matches(None));
    }

    #[test]
    fn classification_without_agents() {
        let reply = Reply::default();
        let mut mail = Mail {
            subject: Some("Tilaus".into()),
            ..Mail::default()
        };
        assert_eq!(
            classify(&mail, &reply, &Agents::default()),
            MessageKind::Customer
        );
        mail.in_reply_to = vec!["x@y".into()];
        assert_eq!(
            classify(&mail, &reply, &Agents::default()),
            MessageKind::Reply
        );
        let mail = Mail {
            subject: Some("VS: Tilaus".into()),
            ..Mail::default()
        };
        assert_eq!(
            classify(&mail, &reply, &Agents::default()),
            MessageKind::Reply
        );
    }

    #[test]
    fn the_thread_index_keeps_the_recent_messages_within_its_budget() {
        let text = "Hei, missä tilaukseni on? ".repeat(40);
        let message = |n: usize| {
            let mail = Mail {
                message_id: Some(format!("m{n}@shop.fi")),
                ..Mail::default()
            };
            let mut reply = Reply::default();
            reply.own.clone_from(&text);
            (mail, reply)
        };
        let reply_to = |n: usize| Mail {
            in_reply_to: vec![format!("m{n}@shop.fi")],
            ..Mail::default()
        };
        let mut index = ThreadIndex::default();
        let count = 2 * MAX_INDEX_BYTES / text.len();
        for n in 0..count {
            let (mail, reply) = message(n);
            index.add(&mail, &reply);
            // A repeated Message-ID replaces the entry, not adds one.
            index.add(&mail, &reply);
        }
        assert!(index.bytes <= MAX_INDEX_BYTES);
        assert_eq!(index.parents.len(), index.order.len());
        assert!(
            index.parents.len() < count / 2 + 1,
            "{} of {count}",
            index.parents.len()
        );
        let empty = Reply::default();
        let latest = index.customer_of(&reply_to(count - 1), &empty).unwrap();
        assert_eq!(latest.text, text);
        assert_eq!(latest.source, CustomerSource::Thread);
        assert!(index.customer_of(&reply_to(0), &empty).is_none());
    }
}
