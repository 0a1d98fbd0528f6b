//! Putting the shim together: councils, storage, PSP accounts, routes.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use axum::Router;
use axum::http::HeaderValue;
use axum::http::header::{
    CACHE_CONTROL, HeaderName, REFERRER_POLICY, X_CONTENT_TYPE_OPTIONS,
};
use paypage_sandbox::{Account, Sandbox, SandboxConfig};
use tokio::net::TcpListener;
use tokio::task::JoinHandle;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::clock::Clock;
use crate::council::{Council, Councils, KeyMode, LoadError};
use crate::psp::Connector;
use crate::settings::Settings;
use crate::store::Store;
use crate::{expiry, page, payments, secret};

/// A PSP account as the shim uses it: where the page tokenises, and the
/// connector that charges.
#[derive(Clone, Debug)]
pub struct PspEndpoint {
    /// The PSP's address as the citizen's browser reaches it.
    pub browser_base: String,
    pub publishable_key: String,
    pub connector: Connector,
}

/// What every request handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub councils: Arc<Councils>,
    pub clock: Clock,
    /// Base of `next_url` and the links in API answers.
    pub public_url: String,
    pub page_dir: PathBuf,
    /// Derives the one-time tokens in `next_url` (see `secret::page_token`).
    pub token_key: String,
    psp: Arc<HashMap<(String, KeyMode), PspEndpoint>>,
}

/// By hand, so that `token_key`, which can mint a working `next_url`
/// for any payment, never reaches a log through `{:?}`.
impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState")
            .field("store", &self.store)
            .field("councils", &self.councils)
            .field("clock", &self.clock)
            .field("public_url", &self.public_url)
            .field("page_dir", &self.page_dir)
            .field("token_key", &"(hidden)")
            .field("psp", &self.psp)
            .finish()
    }
}

impl AppState {
    /// The PSP account for a council's payments in a mode. Test keys
    /// always use the sandbox; so do live keys of a council without a
    /// PSP account of its own.
    pub fn psp(&self, council: &str, mode: KeyMode) -> Option<&PspEndpoint> {
        self.psp.get(&(council.to_owned(), mode))
    }
}

/// Why the shim could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    Councils(#[from] LoadError),
    #[error("cannot use the data folder {0}: {1}")]
    DataDir(PathBuf, std::io::Error),
    #[error("cannot open the database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("cannot listen on {0}: {1}")]
    Listen(SocketAddr, std::io::Error),
    #[error(
        "council {council}: the PSP secret key is missing; set the \
         environment variable {env}"
    )]
    MissingSecret { council: String, env: String },
}

/// A running shim and its sandbox.
#[derive(Debug)]
pub struct Running {
    pub addr: SocketAddr,
    pub public_url: String,
    pub sandbox: Sandbox,
    pub state: AppState,
    pub server: JoinHandle<std::io::Result<()>>,
}

/// Loads everything, binds both ports and starts serving.
pub async fn start(
    settings: &Settings,
    clock: Clock,
) -> Result<Running, StartError> {
    let councils = Councils::load(&settings.councils_dir)?;
    let store = open_store(settings).await?;
    let fresh = secret::new_secret();
    let token_key = store.secret("page_token_key", fresh).await?;

    let listener = bind(settings.addr).await?;
    let addr = listener
        .local_addr()
        .map_err(|e| StartError::Listen(settings.addr, e))?;
    let public_url = settings
        .public_url
        .clone()
        .unwrap_or_else(|| format!("http://{addr}"));

    let accounts = sandbox_accounts(&councils);
    let sandbox = start_sandbox(settings, &accounts, &public_url).await?;
    let sandbox_browser = settings
        .sandbox_public_url
        .clone()
        .unwrap_or_else(|| sandbox.base_url().to_owned());
    let psp = psp_endpoints(&councils, &accounts, &sandbox, &sandbox_browser)?;

    let state = AppState {
        store,
        councils: Arc::new(councils),
        clock,
        public_url: public_url.trim_end_matches('/').to_owned(),
        page_dir: settings.page_dir.clone(),
        token_key,
        psp: Arc::new(psp),
    };
    expiry::spawn_sweeper(state.clone());
    let app = router(state.clone());
    let server = tokio::spawn(async move { axum::serve(listener, app).await });
    tracing::info!(%addr, sandbox = sandbox.base_url(), "paypage is running");
    Ok(Running {
        addr,
        public_url,
        sandbox,
        state,
        server,
    })
}

/// All of the shim's routes.
pub fn router(state: AppState) -> Router {
    // Everything about a payment is personal: never cached anywhere.
    let dynamic = Router::new()
        .merge(payments::routes())
        .merge(page::routes())
        .merge(crate::demo::routes())
        .merge(crate::statement::routes())
        .layer(header_if_missing(CACHE_CONTROL, "no-store"));
    // The page's files have content hashes in their names (Trunk's
    // filehash), so they can be cached for good.
    let assets = tower::ServiceBuilder::new()
        .layer(header_if_missing(CACHE_CONTROL, "public, max-age=31536000"))
        .service(page::assets(&state));
    Router::new()
        .merge(dynamic)
        .nest_service("/page", assets)
        .layer(header_if_missing(X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .layer(header_if_missing(REFERRER_POLICY, "no-referrer"))
        .layer(crate::observe::layer())
        .with_state(state)
}

fn header_if_missing(
    name: HeaderName,
    value: &'static str,
) -> SetResponseHeaderLayer<HeaderValue> {
    SetResponseHeaderLayer::if_not_present(
        name,
        HeaderValue::from_static(value),
    )
}

async fn open_store(settings: &Settings) -> Result<Store, StartError> {
    let dir = &settings.data_dir;
    std::fs::create_dir_all(dir)
        .map_err(|e| StartError::DataDir(dir.clone(), e))?;
    Ok(Store::open(&dir.join("paypage.sqlite3")).await?)
}

async fn bind(addr: SocketAddr) -> Result<TcpListener, StartError> {
    TcpListener::bind(addr)
        .await
        .map_err(|e| StartError::Listen(addr, e))
}

/// Fresh sandbox keys for every council, each start: the sandbox
/// forgets everything when it stops, so its keys need not outlive it.
fn sandbox_accounts(councils: &Councils) -> HashMap<String, Account> {
    let account = |council: &Arc<Council>| {
        let key = secret::new_secret();
        let account = Account {
            publishable_key: format!("pk_test_{key}"),
            secret_key: format!("sk_test_{}", secret::new_secret()),
        };
        (council.slug.clone(), account)
    };
    councils.iter().map(account).collect()
}

async fn start_sandbox(
    settings: &Settings,
    accounts: &HashMap<String, Account>,
    public_url: &str,
) -> Result<Sandbox, StartError> {
    let listener = bind(settings.sandbox_addr).await?;
    let config = SandboxConfig {
        accounts: accounts.values().cloned().collect(),
        allowed_origins: vec![public_url.trim_end_matches('/').to_owned()],
    };
    paypage_sandbox::serve(listener, config)
        .await
        .map_err(|e| StartError::Listen(settings.sandbox_addr, e))
}

fn psp_endpoints(
    councils: &Councils,
    accounts: &HashMap<String, Account>,
    sandbox: &Sandbox,
    sandbox_browser: &str,
) -> Result<HashMap<(String, KeyMode), PspEndpoint>, StartError> {
    let mut endpoints = HashMap::new();
    for council in councils.iter() {
        let Some(account) = accounts.get(&council.slug) else {
            continue;
        };
        let test = PspEndpoint {
            browser_base: sandbox_browser.to_owned(),
            publishable_key: account.publishable_key.clone(),
            connector: Connector::new(sandbox.base_url(), &account.secret_key),
        };
        let live = match &council.psp {
            Some(psp) => live_endpoint(council, psp)?,
            None => test.clone(),
        };
        endpoints.insert((council.slug.clone(), KeyMode::Test), test);
        endpoints.insert((council.slug.clone(), KeyMode::Live), live);
    }
    Ok(endpoints)
}

fn live_endpoint(
    council: &Council,
    psp: &crate::council::PspAccount,
) -> Result<PspEndpoint, StartError> {
    let secret = std::env::var(&psp.secret_key_env).map_err(|_| {
        StartError::MissingSecret {
            council: council.slug.clone(),
            env: psp.secret_key_env.clone(),
        }
    })?;
    Ok(PspEndpoint {
        browser_base: psp.api_base.clone(),
        publishable_key: psp.publishable_key.clone(),
        connector: Connector::new(&psp.api_base, &secret),
    })
}
