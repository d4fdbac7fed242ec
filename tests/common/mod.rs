//! A scratch folder for tests that run the `regard` binary on invented notes.

#![allow(dead_code)] // each test file uses a different part

use std::path::PathBuf;
use std::process::{Command, Output};

pub struct Dir(pub PathBuf);

impl Dir {
    /// A fresh, empty folder named after the test and this process.
    pub fn new(name: &str) -> Dir {
        let path = std::env::temp_dir().join(format!("regard-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).unwrap();
        Dir(path)
    }

    pub fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.0.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap();
        path
    }

    pub fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.0.join(name)).unwrap()
    }

    /// Runs `regard ARGS` in this folder.
    pub fn regard(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_regard"))
            .args(args)
            .current_dir(&self.0)
            .output()
            .unwrap()
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        // Tests may have taken permissions away; give them back to delete.
        let _ = Command::new("chmod")
            .args(["-R", "u+rwx"])
            .arg(&self.0)
            .output();
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
