"""Every write, each naming the employee who acts."""
