//! Serving the sandbox on a listener the caller bound.

use std::time::Duration;

use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::{ReadKeys, SandboxConfig, router_with_read_keys};

/// How long `shutdown` waits for requests in flight before giving up
/// on them.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);

/// A running sandbox. It serves until [`Sandbox::shutdown`] is called
/// or it is dropped; dropping it starts the same graceful shutdown
/// without waiting for it to finish.
#[derive(Debug)]
pub struct Sandbox {
    base_url: String,
    stop: oneshot::Sender<()>,
    task: JoinHandle<std::io::Result<()>>,
}

/// Serves the sandbox on `listener` in a background task. It binds
/// nothing itself, so the caller picks the address (port 0 for tests).
/// Reads take read-only keys when the environment holds a seed (see
/// [`ReadKeys::from_env`]).
pub async fn serve(
    listener: TcpListener,
    config: SandboxConfig,
) -> std::io::Result<Sandbox> {
    let read_keys = ReadKeys::from_env();
    serve_with_read_keys(listener, config, read_keys.as_ref()).await
}

/// [`serve`] with read-only keys from `read_keys` (none for `None`),
/// whatever the environment says.
pub async fn serve_with_read_keys(
    listener: TcpListener,
    config: SandboxConfig,
    read_keys: Option<&ReadKeys>,
) -> std::io::Result<Sandbox> {
    let address = listener.local_addr()?;
    let (stop, stopped) = oneshot::channel::<()>();
    let app = router_with_read_keys(config, read_keys);
    let task = tokio::spawn(async move {
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                // A send or a dropped sender both mean "stop".
                let _ = stopped.await;
            })
            .await
    });
    tracing::info!(%address, "sandbox PSP listening");
    Ok(Sandbox {
        base_url: format!("http://{address}"),
        stop,
        task,
    })
}

impl Sandbox {
    /// Where the sandbox answers, such as `http://127.0.0.1:8081`,
    /// without a trailing slash.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// Stops taking connections, lets requests in flight finish (for up
    /// to five seconds), and returns when the server has stopped.
    pub async fn shutdown(self) {
        let Sandbox { stop, mut task, .. } = self;
        let _ = stop.send(());
        match tokio::time::timeout(SHUTDOWN_GRACE, &mut task).await {
            Ok(Ok(Ok(()))) => tracing::info!("sandbox PSP stopped"),
            Ok(Ok(Err(error))) => {
                tracing::warn!(%error, "sandbox PSP stopped with an error");
            }
            Ok(Err(error)) => {
                tracing::warn!(%error, "sandbox PSP task failed");
            }
            Err(_) => {
                tracing::warn!("sandbox PSP did not stop in time; aborted");
                task.abort();
            }
        }
    }
}
