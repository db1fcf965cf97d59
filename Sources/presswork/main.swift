print("presswork")
