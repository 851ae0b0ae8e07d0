"""checker: kiểm tra tuân thủ quy trình công tác cán bộ / personnel-procedure compliance checker."""

__version__ = "0.1.0"
