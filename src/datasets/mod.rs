//! Community datasets on the `DatasetRegistry` contract: create, contribute files (uploaded to
//! storage first), review as the curator, seal, and read everything back (list, show,
//! contributors and their weights). Upload, download and verify of the files live in
//! [`upload`], [`download`] and [`verify`]; path rules in [`files`].
//!
//! A dataset is named by its id (`7`) or its unique name (`shakespeare`) everywhere; names made
//! only of digits are refused at creation so the two never clash.

pub mod download;
pub mod files;
pub mod upload;
pub mod verify;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use alloy::primitives::{Address, B256, U256};
use alloy::providers::DynProvider;
use serde::{Deserialize, Serialize};

use crate::chain::bindings::DatasetRegistry::{self, DatasetRegistryInstance};
use crate::chain::contract::{Contract, send, send_once};
pub use crate::chain::tx::TxRef;
use crate::chain::units::to_u64;
use crate::chain::{SignerChain, parallel};
use crate::client::Client;
use crate::error::{Error, Result};
use crate::fsutil::Lock;
use crate::progress::Progress;

/// The most a curator may score an accepted contribution.
pub const MAX_SCORE: u8 = 100;

/// Review state of a contribution (the contract's `Status`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewStatus {
    Pending,
    Accepted,
    Rejected,
}

impl ReviewStatus {
    fn from_u8(v: u8) -> ReviewStatus {
        match v {
            1 => ReviewStatus::Accepted,
            2 => ReviewStatus::Rejected,
            _ => ReviewStatus::Pending,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            ReviewStatus::Pending => "pending",
            ReviewStatus::Accepted => "accepted",
            ReviewStatus::Rejected => "rejected",
        }
    }
}

/// A dataset's metadata and totals. Weights are decimal strings (they are uint256 on chain).
#[derive(Debug, Clone, Serialize)]
pub struct DatasetInfo {
    pub id: u64,
    pub name: String,
    pub description: String,
    pub license: String,
    pub curator: Address,
    /// The dataset this one is a new version of.
    pub predecessor_id: Option<u64>,
    pub sealed: bool,
    pub contribution_count: u64,
    pub total_weight: String,
    /// Unix time of creation.
    pub created_at: u64,
}

/// One contributed file.
#[derive(Debug, Clone, Serialize)]
pub struct ContributionInfo {
    pub index: u64,
    pub contributor: Address,
    /// Storage root (`0x` hex).
    pub root: B256,
    pub size: u64,
    /// blake3 of the bytes (plain hex, as `b3sum` prints it).
    pub blake3: String,
    /// Path inside the dataset, `/`-separated and relative.
    pub path: String,
    pub status: ReviewStatus,
    pub score: u8,
    /// size × score when accepted, else 0.
    pub weight: String,
}

impl ContributionInfo {
    /// The registry's record of contribution `index`.
    fn from_record(index: u64, c: DatasetRegistry::Contribution) -> ContributionInfo {
        let status = ReviewStatus::from_u8(c.status);
        let weight = if status == ReviewStatus::Accepted {
            c.size * U256::from(c.score)
        } else {
            U256::ZERO
        };
        ContributionInfo {
            index,
            contributor: c.contributor,
            root: c.root,
            size: to_u64(c.size),
            blake3: hex::encode(c.contentHash),
            path: c.path,
            status,
            score: c.score,
            weight: weight.to_string(),
        }
    }

    pub fn blake3_bytes(&self) -> Option<[u8; 32]> {
        hex::decode(&self.blake3).ok()?.try_into().ok()
    }
}

/// A contributor's weight in a dataset.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ContributorWeight {
    pub contributor: Address,
    /// Σ size × score over accepted contributions, as the contract keeps it.
    pub weight: String,
    /// weight / total weight, from 0 to 1.
    pub share: f64,
    pub contributions: u64,
    pub accepted: u64,
    pub accepted_bytes: u64,
}

/// `contributors DATASET`.
#[derive(Debug, Clone, Serialize)]
pub struct ContributorsReport {
    pub dataset: DatasetInfo,
    pub total_weight: String,
    pub contributors: Vec<ContributorWeight>,
}

/// The result of `create`.
#[derive(Debug, Clone, Serialize)]
pub struct Created {
    pub dataset: DatasetInfo,
    pub tx: TxRef,
}

/// What a review does to a contribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Accept(u8),
    Reject,
}

/// One reviewed contribution.
#[derive(Debug, Clone, Serialize)]
pub struct Reviewed {
    pub index: u64,
    pub contributor: Address,
    pub path: String,
    pub status: ReviewStatus,
    pub score: u8,
    pub weight: String,
    pub tx: TxRef,
}

/// The result of `review`.
#[derive(Debug, Clone, Serialize)]
pub struct ReviewReport {
    pub dataset_id: u64,
    pub reviewed: Vec<Reviewed>,
    pub total_weight: String,
}

/// The result of `seal`.
#[derive(Debug, Clone, Serialize)]
pub struct Sealed {
    pub dataset: DatasetInfo,
    pub tx: TxRef,
}

/// How many contributor addresses one read returns (32 KiB of return data, about 2.2M gas of
/// storage reads: within any node's `eth_call` limit).
pub const CONTRIBUTOR_PAGE: u64 = 1000;

/// How many contributions one read returns (paths are at most 1,024 bytes, so a page stays
/// under about 130 KiB).
pub const CONTRIBUTION_PAGE: u64 = 100;

/// How many contributions one `reviewBatch` transaction reviews (about 40k gas each).
pub const REVIEW_BATCH: usize = 100;

/// The DatasetRegistry contract of the active profile.
pub type Registry = Contract<DatasetRegistryInstance<DynProvider>>;

impl Registry {
    /// Connects to the profile's chain and its `DatasetRegistry`.
    pub async fn open(client: &Client) -> Result<Registry> {
        let chain = client.chain().await?;
        let address = client.profile.contract("dataset_registry")?;
        Contract::open_at(chain, address).await
    }

    /// The id of a dataset named by id or by name; an unknown one is an error with a hint.
    pub async fn resolve(&self, which: &str) -> Result<u64> {
        let which = which.trim();
        let count = self.count().await?;
        if let Some(id) = parse_id(which) {
            if id >= 1 && id <= count {
                return Ok(id);
            }
            return Err(unknown_dataset(which, count));
        }
        let id = self.id_by_name(which).await?;
        if id == 0 {
            return Err(unknown_dataset(which, count));
        }
        Ok(id)
    }

    /// The id of the dataset with this exact name, or 0.
    pub async fn id_by_name(&self, name: &str) -> Result<u64> {
        let id = self
            .read
            .datasetIdByName(name.to_string())
            .call()
            .await
            .map_err(|e| self.err(e))?;
        Ok(to_u64(id))
    }

    /// Number of datasets (ids are 1..=count).
    pub async fn count(&self) -> Result<u64> {
        let n = self
            .read
            .datasetCount()
            .call()
            .await
            .map_err(|e| self.err(e))?;
        Ok(to_u64(n))
    }

    /// One dataset's metadata.
    pub async fn info(&self, id: u64) -> Result<DatasetInfo> {
        let d = self
            .read
            .getDataset(U256::from(id))
            .call()
            .await
            .map_err(|e| self.err(e))?;
        Ok(DatasetInfo {
            id,
            name: d.name,
            description: d.description,
            license: d.license,
            curator: d.curator,
            predecessor_id: Some(to_u64(d.predecessorId)).filter(|p| *p != 0),
            sealed: d.isSealed,
            contribution_count: to_u64(d.contributionCount),
            total_weight: d.totalWeight.to_string(),
            created_at: d.createdAt,
        })
    }

    /// Every dataset, in id order.
    pub async fn list(&self) -> Result<Vec<DatasetInfo>> {
        let count = self.count().await?;
        let ids: Vec<u64> = (1..=count).collect();
        parallel(ids, |id| self.info(id)).await
    }

    /// One contribution.
    pub async fn contribution(&self, id: u64, index: u64) -> Result<ContributionInfo> {
        let c = self
            .read
            .getContribution(U256::from(id), U256::from(index))
            .call()
            .await
            .map_err(|e| self.err(e))?;
        Ok(ContributionInfo::from_record(index, c))
    }

    /// Every contribution to a dataset, in index order, read [`CONTRIBUTION_PAGE`] at a time.
    pub async fn contributions(&self, id: u64) -> Result<Vec<ContributionInfo>> {
        self.contributions_paged(id, CONTRIBUTION_PAGE).await
    }

    /// [`Self::contributions`], `page` contributions per call.
    pub async fn contributions_paged(&self, id: u64, page: u64) -> Result<Vec<ContributionInfo>> {
        let page = page.max(1);
        let n = to_u64(
            self.read
                .contributionCount(U256::from(id))
                .call()
                .await
                .map_err(|e| self.err(e))?,
        );
        read_pages(n, page, |offset| async move {
            let list = self
                .read
                .contributionsPage(U256::from(id), U256::from(offset), U256::from(page))
                .call()
                .await
                .map_err(|e| self.err(e))?;
            Ok(list
                .into_iter()
                .zip(offset..)
                .map(|(c, index)| ContributionInfo::from_record(index, c))
                .collect())
        })
        .await
    }

    /// A dataset's distinct contributors, in order of first contribution, read
    /// [`CONTRIBUTOR_PAGE`] at a time: anyone can contribute, so the whole list may be more
    /// than one call can return.
    pub async fn contributor_addresses(&self, id: u64) -> Result<Vec<Address>> {
        self.contributor_addresses_paged(id, CONTRIBUTOR_PAGE).await
    }

    /// [`Self::contributor_addresses`], `page` addresses per call.
    pub async fn contributor_addresses_paged(&self, id: u64, page: u64) -> Result<Vec<Address>> {
        let page = page.max(1);
        let n = to_u64(
            self.read
                .contributorCount(U256::from(id))
                .call()
                .await
                .map_err(|e| self.err(e))?,
        );
        read_pages(n, page, |offset| async move {
            self.read
                .contributorsPage(U256::from(id), U256::from(offset), U256::from(page))
                .call()
                .await
                .map_err(|e| self.err(e))
        })
        .await
    }

    /// Each address's weight in dataset `id` (`weightOf`), in order.
    pub async fn weights_of(&self, id: u64, addrs: &[Address]) -> Result<Vec<U256>> {
        parallel(addrs.to_vec(), |a| async move {
            self.read
                .weightOf(U256::from(id), a)
                .call()
                .await
                .map_err(|e| self.err(e))
        })
        .await
    }

    /// The contributors of a dataset with their weights and shares.
    pub async fn contributors(&self, id: u64) -> Result<ContributorsReport> {
        let dataset = self.info(id).await?;
        let addrs = self.contributor_addresses(id).await?;
        let total = self
            .read
            .totalWeight(U256::from(id))
            .call()
            .await
            .map_err(|e| self.err(e))?;
        let contributions = self.contributions(id).await?;
        let mut stats: BTreeMap<Address, (u64, u64, u64)> = BTreeMap::new();
        for c in &contributions {
            let e = stats.entry(c.contributor).or_default();
            e.0 += 1;
            if c.status == ReviewStatus::Accepted {
                e.1 += 1;
                e.2 += c.size;
            }
        }
        let weights = self.weights_of(id, &addrs).await?;
        let mut contributors = Vec::with_capacity(addrs.len());
        for (a, w) in addrs.into_iter().zip(weights) {
            let (n, accepted, accepted_bytes) = stats.get(&a).copied().unwrap_or_default();
            contributors.push(ContributorWeight {
                contributor: a,
                weight: w.to_string(),
                share: ratio(w, total),
                contributions: n,
                accepted,
                accepted_bytes,
            });
        }
        Ok(ContributorsReport {
            dataset,
            total_weight: total.to_string(),
            contributors,
        })
    }

    /// Creates a dataset curated by the signer. Refuses a taken or numeric name and an unknown
    /// predecessor before sending.
    pub async fn create(
        &self,
        s: &SignerChain,
        name: &str,
        description: &str,
        license: &str,
        predecessor: Option<&str>,
        progress: &dyn Progress,
    ) -> Result<Created> {
        check_name(name)?;
        check_license(license)?;
        let existing = self.id_by_name(name).await?;
        if existing != 0 {
            return Err(Error::usage(
                "dataset.name_taken",
                format!("a dataset named '{name}' already exists (id {existing})"),
            )
            .hint(format!(
                "choose another name; to publish a new version use --previous {existing}"
            )));
        }
        let predecessor_id = match predecessor {
            Some(p) => self.resolve(p).await?,
            None => 0,
        };
        let contract = self.signed(s);
        let call = contract.createDataset(
            name.to_string(),
            description.to_string(),
            license.to_string(),
            U256::from(predecessor_id),
        );
        let confirmed = send(s, call, "creating dataset", progress).await?;
        let id = confirmed
            .receipt
            .decoded_log::<DatasetRegistry::DatasetCreated>()
            .map(|l| to_u64(l.data.datasetId))
            .ok_or_else(|| {
                Error::failed(
                    "dataset.no_event",
                    format!(
                        "transaction {} emitted no DatasetCreated event",
                        confirmed.tx_hash
                    ),
                )
            })?;
        let dataset = self.info(id).await?;
        Ok(Created {
            dataset,
            tx: TxRef::from(&confirmed),
        })
    }

    /// Refuses (exit 4, before sending) when `who` is not the curator or the dataset is sealed.
    fn check_curator(&self, d: &DatasetInfo, who: Address, action: &str) -> Result<()> {
        if d.curator != who {
            return Err(Error::reverted(
                "dataset.not_curator",
                format!(
                    "{who} is not the curator of dataset '{}' (id {}); only its curator {} can {action} it",
                    d.name, d.id, d.curator
                ),
            )
            .hint(format!("sign with the curator's wallet (--wallet) whose address is {}", d.curator)));
        }
        if d.sealed {
            return Err(sealed_error(d));
        }
        Ok(())
    }

    /// The curator reviews contributions `indexes` (or every pending one when `indexes` is
    /// `None`). Everything is checked before the first transaction is sent: the indexes, and for
    /// an acceptance that no content is accepted twice, that every path is one a download can
    /// write, and (with [`ContentCheck::Download`]) that every file is in storage with the
    /// recorded size and blake3.
    pub async fn review(
        &self,
        s: &SignerChain,
        id: u64,
        indexes: Option<&[u64]>,
        verdict: Verdict,
        content: ContentCheck<'_>,
        progress: &dyn Progress,
    ) -> Result<ReviewReport> {
        let d = self.info(id).await?;
        self.check_curator(&d, s.address, "review")?;
        if let Verdict::Accept(score) = verdict
            && (score == 0 || score > MAX_SCORE)
        {
            return Err(Error::usage(
                "dataset.bad_score",
                format!("score {score} is out of range"),
            )
            .hint("accept with --score N, N from 1 to 100"));
        }
        let all = self.contributions(id).await?;
        let targets: Vec<&ContributionInfo> = match indexes {
            None => all
                .iter()
                .filter(|c| c.status == ReviewStatus::Pending)
                .collect(),
            Some(list) => {
                let mut out = Vec::new();
                for &i in list {
                    let c = all.get(i as usize).ok_or_else(|| {
                        Error::usage(
                            "dataset.unknown_contribution",
                            format!(
                                "dataset '{}' has no contribution {i} (it has {})",
                                d.name,
                                all.len()
                            ),
                        )
                        .hint(format!(
                            "see the indexes with `cohort dataset show {}`",
                            d.id
                        ))
                    })?;
                    // An index given twice names one contribution: reviewed once.
                    if !out.iter().any(|o: &&ContributionInfo| o.index == c.index) {
                        out.push(c);
                    }
                }
                out
            }
        };
        if let Verdict::Accept(_) = verdict {
            check_no_copies(&d, &all, &targets)?;
            check_paths(&d, &targets)?;
            if let ContentCheck::Download(client) = content {
                verify::check_contents(client, &d, &targets, progress).await?;
            }
        }
        let task = progress.task(
            "reviewing",
            Some(targets.len() as u64),
            crate::progress::Unit::Items,
        );
        let mut reviewed = Vec::with_capacity(targets.len());
        let contract = self.signed(s);
        let (accepted, score) = match verdict {
            Verdict::Accept(score) => (true, score),
            Verdict::Reject => (false, 0),
        };
        for batch in targets.chunks(REVIEW_BATCH) {
            let indexes: Vec<U256> = batch.iter().map(|c| U256::from(c.index)).collect();
            let call = contract.reviewBatch(U256::from(id), indexes, accepted, score);
            let label = match batch {
                [one] => format!("reviewing #{}", one.index),
                _ => format!("reviewing {} contributions", batch.len()),
            };
            let confirmed = send(s, call, &label, progress).await?;
            task.inc(batch.len() as u64);
            for c in batch {
                let weight = if accepted {
                    U256::from(c.size) * U256::from(score)
                } else {
                    U256::ZERO
                };
                reviewed.push(Reviewed {
                    index: c.index,
                    contributor: c.contributor,
                    path: c.path.clone(),
                    status: if accepted {
                        ReviewStatus::Accepted
                    } else {
                        ReviewStatus::Rejected
                    },
                    score,
                    weight: weight.to_string(),
                    tx: TxRef::from(&confirmed),
                });
            }
        }
        task.finish();
        let total = self.info(id).await?.total_weight;
        Ok(ReviewReport {
            dataset_id: id,
            reviewed,
            total_weight: total,
        })
    }

    /// The curator seals the dataset.
    pub async fn seal(&self, s: &SignerChain, id: u64, progress: &dyn Progress) -> Result<Sealed> {
        let d = self.info(id).await?;
        self.check_curator(&d, s.address, "seal")?;
        let contract = self.signed(s);
        let call = contract.seal(U256::from(id));
        let confirmed = send(s, call, "sealing", progress).await?;
        Ok(Sealed {
            dataset: self.info(id).await?,
            tx: TxRef::from(&confirmed),
        })
    }

    /// Records one uploaded file as the signer's contribution; returns its index.
    #[allow(clippy::too_many_arguments)]
    pub async fn contribute(
        &self,
        s: &SignerChain,
        id: u64,
        root: B256,
        size: u64,
        blake3: [u8; 32],
        path: &str,
        progress: &dyn Progress,
    ) -> Result<(u64, TxRef)> {
        let contract = self.signed(s);
        let call = contract.contribute(
            U256::from(id),
            root,
            U256::from(size),
            B256::from(blake3),
            path.to_string(),
        );
        let label = format!("recording {path}");
        let intent = format!(
            "contribute:{}:{:#x}:{id}:{root:#x}:{path}:{:#x}",
            s.chain.chain_id, self.address, s.address
        );
        let confirmed = send_once(s, &intent, call, &label, progress).await?;
        let index = confirmed
            .receipt
            .decoded_log::<DatasetRegistry::ContributionAdded>()
            .map(|l| to_u64(l.data.index))
            .ok_or_else(|| {
                Error::failed(
                    "dataset.no_event",
                    format!(
                        "transaction {} emitted no ContributionAdded event",
                        confirmed.tx_hash
                    ),
                )
            })?;
        Ok((index, TxRef::from(&confirmed)))
    }
}

impl Registry {
    /// The start of the pending-transaction intents of the signer's `contributeBatch`es to
    /// dataset `id` (the rest names the batch's files).
    pub fn contribute_batch_intents(&self, s: &SignerChain, id: u64) -> String {
        format!(
            "contribute-batch:{}:{:#x}:{id}:{:#x}:",
            s.chain.chain_id, self.address, s.address
        )
    }

    /// Records several uploaded files as the signer's contributions in one transaction
    /// (`contributeBatch`); returns their indexes, in order. `files`: (root, size, blake3, path).
    pub async fn contribute_batch(
        &self,
        s: &SignerChain,
        id: u64,
        files: &[(B256, u64, [u8; 32], String)],
        progress: &dyn Progress,
    ) -> Result<(Vec<u64>, TxRef)> {
        let contract = self.signed(s);
        let list: Vec<DatasetRegistry::NewContribution> = files
            .iter()
            .map(
                |(root, size, hash, path)| DatasetRegistry::NewContribution {
                    root: *root,
                    size: U256::from(*size),
                    contentHash: B256::from(*hash),
                    path: path.clone(),
                },
            )
            .collect();
        let mut id_bytes = Vec::new();
        for (root, _, hash, path) in files {
            id_bytes.extend_from_slice(root.as_slice());
            id_bytes.extend_from_slice(hash);
            id_bytes.extend_from_slice(path.as_bytes());
            id_bytes.push(0);
        }
        let call = contract.contributeBatch(U256::from(id), list);
        let label = match files {
            [one] => format!("recording {}", one.3),
            _ => format!("recording {} files", files.len()),
        };
        let intent = format!(
            "{}{}",
            self.contribute_batch_intents(s, id),
            hex::encode(crate::storage::merkle::keccak(&id_bytes))
        );
        let confirmed = send_once(s, &intent, call, &label, progress).await?;
        let indexes: Vec<u64> = confirmed
            .receipt
            .inner
            .logs()
            .iter()
            .filter(|l| l.address() == self.address)
            .filter_map(|l| {
                alloy::sol_types::SolEvent::decode_log_data(l.data())
                    .ok()
                    .map(|e: DatasetRegistry::ContributionAdded| to_u64(e.index))
            })
            .collect();
        if indexes.len() != files.len() {
            return Err(Error::failed(
                "dataset.no_event",
                format!(
                    "transaction {} emitted {} ContributionAdded events for {} files",
                    confirmed.tx_hash,
                    indexes.len(),
                    files.len()
                ),
            ));
        }
        Ok((indexes, TxRef::from(&confirmed)))
    }
}

/// Reads `n` records `page` (at least 1) at a time, several pages at once, in order:
/// `read(offset)` returns the page that starts at `offset`.
async fn read_pages<T, F, Fut>(n: u64, page: u64, read: F) -> Result<Vec<T>>
where
    F: Fn(u64) -> Fut,
    Fut: std::future::Future<Output = Result<Vec<T>>>,
{
    let offsets: Vec<u64> = (0..n).step_by(page as usize).collect();
    Ok(parallel(offsets, read)
        .await?
        .into_iter()
        .flatten()
        .collect())
}

/// Refuses (exit 2, before anything is sent) to accept a contribution whose content (storage root
/// or blake3) is already accepted in the dataset or appears twice among those being accepted: the
/// same bytes would earn their size × score twice, whoever recorded them. The curator rejects
/// the copy first (anyone can record a root they see on chain). Likewise two files of one
/// contributor at one path, which no download can hold side by side.
fn check_no_copies(
    d: &DatasetInfo,
    all: &[ContributionInfo],
    targets: &[&ContributionInfo],
) -> Result<()> {
    // Each kept contribution, and whether it was accepted before this review.
    let mut kept: Vec<(&ContributionInfo, bool)> = all
        .iter()
        .filter(|c| c.status == ReviewStatus::Accepted)
        .map(|c| (c, true))
        .collect();
    for c in targets {
        // One contributor's files at one path: a download holds only one of them.
        let same_path = kept.iter().find(|(k, _)| {
            k.index != c.index && k.contributor == c.contributor && k.path == c.path
        });
        if let Some((k, before)) = same_path {
            let state = if *before {
                "already accepted"
            } else {
                "also being accepted"
            };
            return Err(Error::usage(
                "dataset.duplicate_path",
                format!(
                    "contribution #{} from {} has the same path '{}' as #{}, {state}: a download can hold only one of them",
                    c.index,
                    c.contributor,
                    crate::ui::terminal_safe(&c.path),
                    k.index,
                ),
            )
            .hint(format!(
                "keep one: reject the other with `cohort dataset review {} INDEX --reject` (nothing was sent)",
                d.id
            )));
        }
        let twin = kept.iter().find(|(k, _)| {
            k.index != c.index && (k.root == c.root || k.blake3.eq_ignore_ascii_case(&c.blake3))
        });
        if let Some((k, before)) = twin {
            let state = if *before {
                "already accepted"
            } else {
                "also being accepted"
            };
            return Err(Error::usage(
                "dataset.duplicate_content",
                format!(
                    "contribution #{} ('{}' from {}) has the same content as #{} ('{}' from {}), {state}: accepting both would count the same bytes twice",
                    c.index,
                    crate::ui::terminal_safe(&c.path),
                    c.contributor,
                    k.index,
                    crate::ui::terminal_safe(&k.path),
                    k.contributor
                ),
            )
            .hint(format!(
                "keep one: reject the other with `cohort dataset review {} INDEX --reject` (nothing was sent)",
                d.id
            )));
        }
        kept.push((c, false));
    }
    Ok(())
}

/// Refuses (exit 2, before anything is sent) to accept a contribution whose recorded path no
/// download may write (absolute, `..`, control characters: see [`files::check_path`]); it is
/// recorded by the contributor, and `dataset download` refuses it.
fn check_paths(d: &DatasetInfo, targets: &[&ContributionInfo]) -> Result<()> {
    let bad: Vec<(u64, String)> = targets
        .iter()
        .filter_map(|c| files::check_path(&c.path).err().map(|why| (c.index, why)))
        .collect();
    if bad.is_empty() {
        return Ok(());
    }
    let indexes = bad
        .iter()
        .map(|(i, _)| i.to_string())
        .collect::<Vec<_>>()
        .join(" ");
    Err(Error::usage(
        "dataset.unsafe_path",
        format!(
            "refusing to accept a path no download can write: {}",
            bad.iter()
                .map(|(i, why)| format!("#{i} {}", crate::ui::terminal_safe(why)))
                .collect::<Vec<_>>()
                .join("; ")
        ),
    )
    .hint(format!(
        "nothing was sent; reject them with `cohort dataset review {} {indexes} --reject`",
        d.id
    )))
}

/// How `review` checks the files it is asked to accept.
#[derive(Clone, Copy)]
pub enum ContentCheck<'a> {
    /// Download each one from the client's storage nodes (every proof checked) and compare its
    /// size and blake3 with the record, before anything is sent.
    Download(&'a Client),
    /// Take the records as they are (the curator checked the files by other means, such as
    /// `dataset verify --deep`).
    Trust,
}

/// The lock that lets one `dataset upload` to dataset `id` of `reg` run at a time in this home
/// (`<data>/datasets/upload-<chain id>-<registry>-<id>.lock`): a second waits for the first,
/// then finds what it recorded, instead of both uploading, paying and recording the same files.
pub(crate) fn upload_lock_path(client: &Client, reg: &Registry, id: u64) -> PathBuf {
    client.paths.data_dir.join("datasets").join(format!(
        "upload-{}-{:#x}-{id}.lock",
        reg.chain.chain_id, reg.address
    ))
}

/// The lock that lets one `dataset download` into folder `out` (which exists) run at a time in
/// this home (`<data>/datasets/download-<hash of the folder's real path>.lock`): a second waits
/// for the first, then finds the files in place, instead of both writing the same partial files.
pub(crate) fn download_lock_path(client: &Client, out: &Path) -> Result<PathBuf> {
    use std::os::unix::ffi::OsStrExt;
    let real = std::fs::canonicalize(out).map_err(|e| Error::io("resolve", out, e))?;
    let h = blake3::hash(real.as_os_str().as_bytes());
    Ok(client
        .paths
        .data_dir
        .join("datasets")
        .join(format!("download-{}.lock", &h.to_hex()[..32])))
}

/// Takes the lock at `path` for this process. While another process holds it, notes once what
/// this one waits for (`waiting` is given ` (process N)` when that process is known, else
/// nothing) and waits: the holder's exit, or its death, releases it. The lock file holds its
/// holder's process id.
pub(crate) async fn wait_for_lock(
    path: &Path,
    waiting: impl FnOnce(&str) -> String,
    progress: &dyn Progress,
) -> Result<Lock> {
    if let Some(dir) = path.parent() {
        crate::fsutil::ensure_dir(dir, 0o700)?;
    }
    let mut waiting = Some(waiting);
    loop {
        if let Some(lock) = Lock::try_acquire_as_holder(path)? {
            return Ok(lock);
        }
        if let Some(say) = waiting.take() {
            progress.note(&say(&Lock::holder(path)));
        }
        // Polled, not blocked on: Ctrl-C ends the wait at once.
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
}

/// Refuses (exit 2) a license that is no SPDX license expression (`CC-BY-4.0`, `MIT OR
/// Apache-2.0`, `LicenseRef-NAME` for a license of one's own): a dataset's license is what its
/// users and a model's holders read, and tools match it by identifier.
pub fn check_license(license: &str) -> Result<()> {
    // Deprecated identifiers (`GPL-2.0`) are still SPDX's; nothing else is taken loosely.
    let mode = spdx::ParseMode {
        allow_deprecated: true,
        ..spdx::ParseMode::STRICT
    };
    let Err(e) = spdx::Expression::parse_mode(license, mode) else {
        return Ok(());
    };
    let hint = match license_suggestion(license) {
        Some(id) => format!("did you mean {id}? (SPDX identifiers: https://spdx.org/licenses/)"),
        None => "give an SPDX identifier (https://spdx.org/licenses/) such as CC-BY-4.0 or CC0-1.0, an expression such as `MIT OR Apache-2.0`, or LicenseRef-NAME for a license of your own".to_string(),
    };
    Err(Error::usage(
        "dataset.bad_license",
        format!(
            "'{license}' is not an SPDX license expression ({} at characters {}..{})",
            e.reason, e.span.start, e.span.end
        ),
    )
    .hint(hint))
}

/// The SPDX form of a license written loosely as one license: an identifier in another case
/// (`apache-2.0`), a GPL with `+` (`GPL-3.0+` → `GPL-3.0-or-later`), or a common name
/// (`Apache 2.0`, `cc0`).
fn license_suggestion(license: &str) -> Option<String> {
    let t = license.trim();
    if let Some(l) = spdx::identifiers::LICENSES
        .iter()
        .find(|l| l.name != t && l.name.eq_ignore_ascii_case(t))
    {
        return Some(l.name.to_string());
    }
    if let Ok(e) = spdx::Expression::parse_mode(t, spdx::ParseMode::LAX) {
        let reqs: Vec<String> = e
            .requirements()
            .map(|r| match &r.req.license {
                // `GPL-3.0+` (the `+` on a GNU license) is SPDX's `GPL-3.0-or-later`.
                spdx::LicenseItem::Spdx { id, or_later: true } if id.is_gnu() => {
                    let base = id.name.trim_end_matches("-only");
                    spdx::gnu_license_id(base, true)
                        .map_or_else(|| r.req.to_string(), |g| g.name.to_string())
                }
                _ => r.req.to_string(),
            })
            .collect();
        if let [one] = &reqs[..] {
            return Some(one.clone());
        }
    }
    spdx::imprecise_license_id(t)
        .filter(|(_, n)| *n == t.len())
        .map(|(id, _)| id.name.to_string())
}

/// The error for a sealed dataset (exit 4: the contract would refuse).
pub fn sealed_error(d: &DatasetInfo) -> Error {
    Error::reverted(
        "dataset.sealed",
        format!("dataset '{}' (id {}) is sealed; it takes no more changes", d.name, d.id),
    )
    .hint(format!(
        "create a new version: cohort dataset create NAME --previous {} --description … --license …",
        d.id
    ))
}

fn unknown_dataset(which: &str, count: u64) -> Error {
    let hint = if count == 0 {
        "no datasets exist yet; create one with `cohort dataset create NAME --description … --license …`"
            .to_string()
    } else {
        format!("datasets have ids 1 to {count}; see them with `cohort dataset list`")
    };
    Error::usage("dataset.unknown", format!("no dataset named '{which}'")).hint(hint)
}

/// A dataset id, when `s` is made only of digits (with an optional `#`).
pub fn parse_id(s: &str) -> Option<u64> {
    let t = s.strip_prefix('#').unwrap_or(s);
    if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) {
        t.parse().ok()
    } else {
        None
    }
}

/// Names are non-empty, not only digits (they would read as ids), and without control
/// characters or surrounding spaces.
pub fn check_name(name: &str) -> Result<()> {
    let bad = |why: &str| {
        Error::usage(
            "dataset.bad_name",
            format!("'{name}' is not a valid dataset name: {why}"),
        )
        .hint("use letters, digits, '-', '_' or '.', e.g. shakespeare-v2")
    };
    if name.is_empty() {
        return Err(bad("it is empty"));
    }
    if parse_id(name).is_some() {
        return Err(bad("it would read as a dataset id"));
    }
    if name.trim() != name || name.chars().any(char::is_control) {
        return Err(bad("it has surrounding spaces or control characters"));
    }
    if name.len() > 200 {
        return Err(bad("it is longer than 200 bytes"));
    }
    Ok(())
}

/// `a / b` as a float (0 when `b` is 0).
fn ratio(a: U256, b: U256) -> f64 {
    if b.is_zero() {
        return 0.0;
    }
    let f = |v: U256| v.to_string().parse::<f64>().unwrap_or(0.0);
    f(a) / f(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_license_must_be_an_spdx_expression() {
        for ok in [
            "CC0-1.0",
            "CC-BY-4.0",
            "MIT OR Apache-2.0",
            "LicenseRef-our-terms",
            "Apache-2.0 WITH LLVM-exception",
            "GPL-2.0",
        ] {
            check_license(ok).unwrap_or_else(|e| panic!("{ok}: {}", e.message));
        }
        for bad in ["", "CC-BY 4.0", "my license", "MIT OR", "Apache 2.0"] {
            let e = check_license(bad)
                .err()
                .unwrap_or_else(|| panic!("{bad} passed"));
            assert_eq!(e.code, "dataset.bad_license");
            assert_eq!(e.kind.exit_code(), 2);
            assert!(e.message.contains(&format!("'{bad}'")), "{}", e.message);
        }
        // A common spelling gets the identifier it means.
        for (loose, id) in [
            ("Apache 2.0", "Apache-2.0"),
            ("apache-2.0", "Apache-2.0"),
            ("cc-by-4.0", "CC-BY-4.0"),
            ("GPL-3.0+", "GPL-3.0-or-later"),
        ] {
            let hint = check_license(loose).err().unwrap().hint.unwrap();
            assert!(
                hint.contains(&format!("did you mean {id}?")),
                "{loose}: {hint}"
            );
        }
    }

    #[test]
    fn ids_parse_only_from_digits() {
        assert_eq!(parse_id("12"), Some(12));
        assert_eq!(parse_id("#3"), Some(3));
        assert_eq!(parse_id("v2"), None);
        assert_eq!(parse_id(""), None);
    }

    #[test]
    fn numeric_and_empty_names_are_refused() {
        assert!(check_name("42").is_err());
        assert!(check_name("").is_err());
        assert!(check_name(" x").is_err());
        assert!(check_name("shakespeare-v2").is_ok());
    }

    fn contribution(index: u64, who: u8, path: &str, byte: u8) -> ContributionInfo {
        ContributionInfo {
            index,
            contributor: Address::repeat_byte(who),
            root: B256::repeat_byte(byte),
            size: 10,
            blake3: hex::encode([byte; 32]),
            path: path.into(),
            status: ReviewStatus::Pending,
            score: 0,
            weight: "0".into(),
        }
    }

    #[test]
    fn one_contributors_two_files_at_one_path_are_not_both_accepted() {
        let d = DatasetInfo {
            id: 1,
            name: "d".into(),
            description: String::new(),
            license: "MIT".into(),
            curator: Address::ZERO,
            predecessor_id: None,
            sealed: false,
            contribution_count: 3,
            total_weight: "0".into(),
            created_at: 0,
        };
        let all = vec![
            contribution(0, 1, "same.txt", 1),
            contribution(1, 1, "same.txt", 2),
            contribution(2, 2, "same.txt", 3),
        ];
        // Different contributors may use one path; one contributor may not, in one review...
        assert!(check_no_copies(&d, &all, &[&all[0], &all[2]]).is_ok());
        let e = check_no_copies(&d, &all, &[&all[0], &all[1]]).unwrap_err();
        assert_eq!(e.code, "dataset.duplicate_path");
        assert!(e.message.contains("also being accepted"), "{}", e.message);
        // ... or in two.
        let mut accepted = all.clone();
        accepted[0].status = ReviewStatus::Accepted;
        let e = check_no_copies(&d, &accepted, &[&accepted[1]]).unwrap_err();
        assert_eq!(e.code, "dataset.duplicate_path");
        assert!(e.message.contains("already accepted"), "{}", e.message);
    }

    #[test]
    fn share_is_weight_over_total() {
        assert_eq!(ratio(U256::from(1), U256::from(4)), 0.25);
        assert_eq!(ratio(U256::from(1), U256::ZERO), 0.0);
    }
}
